import { translatorFor } from '../../../../../test/helpers/forms-test-kit';
import type { FormComponent } from '../../../contracts/forms/form.types';
import { validateSubmission } from './submission-validator';

const t = translatorFor('en');
const form = {
  components: [
    { type: 'datetime', key: 'assessmentDate', label: 'Assessment date', input: true, properties: { dateRange: 'past' } },
    { type: 'datetime', key: 'dueDate', label: 'Due date', input: true, properties: { dateRange: 'notBeforeCase' } },
    { type: 'datetime', key: 'other', label: 'Other date', input: true },
    { type: 'currency', key: 'amount', label: 'Amount', input: true },
    { type: 'number', key: 'score', label: 'Score', input: true },
    { type: 'textarea', key: 'notes', label: 'Notes', input: true },
    { type: 'textfield', key: 'name', label: 'Name', input: true, validate: { maxLength: 20 } },
  ] as FormComponent[],
};
const facts = { today: '2026-12-06', caseOpenedOn: '2026-11-01' };

function problems(data: Record<string, unknown>) {
  const result = validateSubmission(form, data, t, facts);
  return result.ok ? [] : result.details.map((detail) => [detail.context.path, detail.context.validator, detail.message]);
}

describe('submission plausibility: rules every form shares', () => {
  it('accepts plausible values', () => {
    expect(problems({ assessmentDate: '2026-12-06', dueDate: '2026-11-01', other: '2099-01-01', amount: 0, score: -3, notes: 'x'.repeat(10_000), name: 'Ann' })).toEqual([]);
  });

  it('refuses impossible calendar dates, whatever the field', () => {
    expect(problems({ other: '1900-02-30', dueDate: '2027-04-31T10:00:00Z' })).toEqual([
      ['dueDate', 'invalid_date', 'Due date is not a valid date.'],
      ['other', 'invalid_date', 'Other date is not a valid date.'],
    ]);
    expect(problems({ other: '2028-02-29' })).toEqual([]);
  });

  it('refuses an assessment in the future and a due date before the case', () => {
    expect(problems({ assessmentDate: '2099-01-01', dueDate: '1900-01-02', other: '1899-12-31' })).toEqual([
      ['assessmentDate', 'maxDate', 'Assessment date should not contain a date after 2026-12-06.'],
      ['dueDate', 'minDate', 'Due date should not contain a date before 2026-11-01.'],
      ['other', 'minDate', 'Other date should not contain a date before 1900-01-01.'],
    ]);
  });

  it('refuses negative amounts and text beyond its limit', () => {
    expect(problems({ amount: -50, notes: 'x'.repeat(112_000), name: 'y'.repeat(21) })).toEqual([
      ['name', 'maxLength', 'Name must have no more than 20 characters.'],
      ['amount', 'min', 'Amount cannot be less than 0.'],
      ['notes', 'maxLength', 'Notes must have no more than 10000 characters.'],
    ]);
  });
});
