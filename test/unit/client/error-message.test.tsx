/** @jest-environment ./test/helpers/jsdom-environment.cjs */
// The one markup for a problem on a page: announced (role="alert"), styled as an error, absent while there is none.
import { ErrorMessage } from '../../../client/src/features/common/ErrorMessage';
import { render, type Rendered } from '../../helpers/client-render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

describe('ErrorMessage', () => {
  it('renders nothing while there is no problem', async () => {
    view = await render(<ErrorMessage>{undefined}</ErrorMessage>);
    expect(view.host.innerHTML).toBe('');
    await view.rerender(<ErrorMessage>{''}</ErrorMessage>);
    expect(view.host.innerHTML).toBe('');
  });

  it('announces the problem in the element the page needs, with its id and extra class', async () => {
    view = await render(<ErrorMessage>The case changed meanwhile</ErrorMessage>);
    expect(view.host.innerHTML).toBe('<p role="alert" class="error">The case changed meanwhile</p>');
    await view.rerender(
      <ErrorMessage as="small" id="amount-problem" className="read-aloud-problem">
        Not negative
      </ErrorMessage>,
    );
    expect(view.host.innerHTML).toBe('<small id="amount-problem" role="alert" class="error read-aloud-problem">Not negative</small>');
  });
});
