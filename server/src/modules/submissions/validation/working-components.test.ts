import { loadFixture, translatorFor } from '../../../../../test/helpers/forms-test-kit';
import type { FormLike } from '../../../contracts/forms/form.types';
import { validateSubmission } from './submission-validator';

// Submissions of one stored form in a row must each be validated as if they were the first: nothing that one
// submission's data did to the working components may reach the next one.
const t = translatorFor('en');

describe('submissions of one form in a row', () => {
  it('a logic action triggered by one submission does not apply to the next', () => {
    const form = loadFixture<FormLike>('logic-actions-form.json');
    const needing = validateSubmission(form, { needsInterpreter: true }, t);
    expect(!needing.ok && needing.details.map((detail) => [detail.context.path, detail.context.label, detail.context.validator])).toEqual([
      ['interpreterLanguage', 'Language for the interpreter', 'required'],
    ]);
    expect(validateSubmission(form, { needsInterpreter: false }, t)).toEqual({ ok: true, data: { needsInterpreter: false } });
  });

  it('a default row cleared for one submission is whole again for the next, and not shared with it', () => {
    const form = loadFixture<FormLike>('object-defaults-form.json');
    const first = validateSubmission(form, { needsInterpreter: true }, t);
    expect(first.ok && first.data.contacts).toEqual([{ name: '', relation: 'family', interpreterNote: 'call first' }]);
    // Here the interpreter note of the default row is hidden, so it is cleared from this submission's row.
    const second = validateSubmission(form, { needsInterpreter: false }, t);
    expect(second.ok && second.data.contacts).toEqual([{ name: '', relation: 'family' }]);
    const third = validateSubmission(form, { needsInterpreter: true }, t);
    expect(third).toEqual(first);
    expect(third.ok && third.data.contacts).not.toBe(first.ok && first.data.contacts);
  });
});
