import { singleFullStops } from '../../contracts/person/single-full-stop';
import { personText } from './person-texts';

/*
 * A date that ends in its own full stop (Ukrainian "р.") closes the safety plan's review sentence with one full stop,
 * on the screen (the person view's i18next post-processes with the same function) and when read aloud.
 */
const ukrainianDate = new Date(Date.UTC(2026, 11, 6)).toLocaleDateString('uk', { dateStyle: 'medium', timeZone: 'UTC' });

test('a Ukrainian date ends in its own full stop, which is why the rule is needed', () => {
  expect(ukrainianDate.endsWith('.')).toBe(true);
});

test('the review sentence with a Ukrainian date ends in one full stop', () => {
  const spoken = personText('uk', 'safety.review', { date: ukrainianDate });
  expect(spoken?.text).toBe(`Ми разом переглянемо цей план ${ukrainianDate}`);
  expect(spoken?.text.endsWith('р..')).toBe(false);
});

test('an ellipsis and ordinary sentences are left as written', () => {
  expect(singleFullStops('Wait...')).toBe('Wait...');
  expect(singleFullStops('On 6.12.2026. Then.')).toBe('On 6.12.2026. Then.');
  expect(singleFullStops('до 6 груд. 2026 р..')).toBe('до 6 груд. 2026 р.');
});
