import { Evaluator } from '@formio/core';
import { loadFixture, translatorFor } from '../../../../../test/helpers/forms-test-kit';
import type { FormComponent } from '../../../contracts/forms/form.types';
import { validateSubmission } from './submission-validator';
import { isNoCodeEvaluatorInstalled } from '../../forms';

const form = loadFixture('validation-table-form.json');
const t = translatorFor('en');

const valid = loadFixture<Record<string, unknown>>('validation-table-submission.json');

function failures(data: Record<string, unknown>) {
  const result = validateSubmission(form, data, t);
  if (result.ok) throw new Error('expected a failure');
  return result.details.map((detail) => ({ path: detail.context.path, validator: detail.context.validator }));
}

describe('validateSubmission: the validation table', () => {
  it('accepts the good case, removes unknown keys, clears hidden values and recomputes the calculated value', () => {
    const result = validateSubmission(
      form,
      {
        ...valid,
        dependantCount: 4, // hidden: hasDependants is false
        totalScore: 999, // calculated: the client's value is not trusted
        injected: { $gt: '' }, // not a field of the form
        contacts: [{ name: 'Case worker', score: 3, extra: 'x' }, { name: 'Shelter', score: 4 }],
      },
      t,
    );
    expect(result).toEqual({
      ok: true,
      data: { ...valid, totalScore: 7, contacts: [{ name: 'Case worker', score: 3 }, { name: 'Shelter', score: 4 }] },
    });
  });

  it('keeps a conditional value when its condition holds', () => {
    const result = validateSubmission(form, { ...valid, hasDependants: true, dependantCount: 2 }, t);
    expect(result.ok && result.data.dependantCount).toBe(2);
  });

  it('recomputes the calculated value even when the client omits it', () => {
    const result = validateSubmission(form, valid, t);
    expect(result.ok && result.data.totalScore).toBe(7);
  });

  const table: Array<[string, Record<string, unknown>, string, string]> = [
    ['missing required text', { alias: undefined }, 'alias', 'required'],
    ['too short', { alias: 'A' }, 'alias', 'minLength'],
    ['too long', { alias: 'A'.repeat(21) }, 'alias', 'maxLength'],
    ['pattern', { alias: 'Anna 2' }, 'alias', 'pattern'],
    ['email', { email: 'not-an-email' }, 'email', 'email'],
    ['number below min', { age: -1 }, 'age', 'min'],
    ['number above max', { age: 121 }, 'age', 'max'],
    ['select value not offered', { language: 'sv' }, 'language', 'onlyAvailableItems'],
    ['required conditional field when shown', { hasDependants: true }, 'dependantCount', 'required'],
    ['conditional field below min when shown', { hasDependants: true, dependantCount: 0 }, 'dependantCount', 'min'],
    ['datagrid row: required', { contacts: [{ name: 'ok' }, { name: '' }] }, 'contacts[1].name', 'required'],
    ['datagrid row: max', { contacts: [{ name: 'ok', score: 11 }] }, 'contacts[0].score', 'max'],
    ['query operator in a text field', { alias: { $gt: '' } }, 'alias', 'type'],
    ['array in a text field', { alias: ['Anna'] }, 'alias', 'type'],
    ['words in a number', { age: 'thirty' }, 'age', 'type'],
    ['object in a checkbox', { hasDependants: { $ne: false } }, 'hasDependants', 'type'],
    ['object in a select', { language: { $in: ['fi'] } }, 'language', 'type'],
    ['non-array for a datagrid', { contacts: 'none' }, 'contacts', 'type'],
    ['non-object datagrid row', { contacts: ['x'] }, 'contacts', 'type'],
    ['wrong type inside a datagrid row', { contacts: [{ name: { $gt: '' } }] }, 'contacts[0].name', 'type'],
    ['non-ISO datetime', { firstContact: 'yesterday' }, 'firstContact', 'type'],
    ['number in a datetime', { firstContact: 1714550400000 }, 'firstContact', 'type'],
  ];

  it.each(table)('%s -> %s fails with %s', (_name, change, path, validator) => {
    expect(failures({ ...valid, ...change })).toContainEqual({ path, validator });
  });

  it('reports every problem at once', () => {
    const paths = failures({ ...valid, alias: 'A', email: 'x', age: 'thirty', contacts: [{ name: '' }] }).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['alias', 'email', 'age', 'contacts[0].name']));
  });

  it('gives details in the shape @formio/js expects', () => {
    const result = validateSubmission(form, { ...valid, contacts: [{ name: '' }] }, t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details).toContainEqual({
      message: 'Contact name is required.',
      level: 'error',
      path: ['contacts', 0, 'name'],
      context: { key: 'name', label: 'Contact name', validator: 'required', path: 'contacts[0].name', setting: true, index: 0 },
    });
  });

  it('does not report noise under a value refused for its type', () => {
    expect(failures({ ...valid, contacts: 'none' })).toEqual([{ path: 'contacts', validator: 'type' }]);
  });

  it('refuses a submission that is not an object', () => {
    expect(validateSubmission(form, ['x'], t).ok).toBe(false);
  });
});

describe('validateSubmission: messages', () => {
  it('translates messages into the language of the t function, interpolating the label', () => {
    const data = { ...valid, alias: undefined };
    const en = validateSubmission(form, data, translatorFor('en'));
    const fi = validateSubmission(form, data, translatorFor('fi'));
    if (en.ok || fi.ok) throw new Error('expected failures');
    expect(en.details[0]?.message).toBe('Alias is required.');
    expect(fi.details[0]?.message).toBe('Alias on pakollinen.');
  });

  it('interpolates limits', () => {
    const result = validateSubmission(form, { ...valid, age: 121 }, translatorFor('fi'));
    expect(!result.ok && result.details[0]?.message).toBe('Kentän Age arvo ei voi olla suurempi kuin 120.');
  });
});

describe('validateSubmission: no code from a form runs', () => {
  const marker = globalThis as { __formCodeRan?: boolean };
  const withCode = (component: Record<string, unknown>): { components: FormComponent[] } => ({
    components: [{ type: 'textfield', key: 'name', label: 'Name', input: true }, component as FormComponent],
  });

  beforeEach(() => {
    delete marker.__formCodeRan;
  });

  it('has switched evaluation off in @formio/core', () => {
    expect(isNoCodeEvaluatorInstalled()).toBe(true);
    expect(Evaluator.noeval).toBe(true);
  });

  it('does not run a string calculateValue that slipped past definition validation', () => {
    const result = validateSubmission(
      withCode({ type: 'textfield', key: 'calc', label: 'Calc', input: true, calculateValue: 'globalThis.__formCodeRan = true; value = "pwned";' }),
      { name: 'x', calc: 'client value' },
      t,
    );
    expect(marker.__formCodeRan).toBeUndefined();
    expect(result.ok && result.data.calc).not.toBe('pwned');
    expect(result.ok && result.data.calc).not.toBe('client value');
  });

  it('does not run custom validation, custom conditionals or custom default values', () => {
    const code = 'globalThis.__formCodeRan = true;';
    validateSubmission(
      withCode({
        type: 'textfield', key: 'other', label: 'Other', input: true,
        validate: { custom: `${code} valid = true;` }, customConditional: `${code} show = true;`, customDefaultValue: code,
        logic: [{ name: 'l', trigger: { type: 'javascript', javascript: `${code} result = true;` }, actions: [{ type: 'value', value: code }] }],
      }),
      { name: 'x' },
      t,
    );
    expect(marker.__formCodeRan).toBeUndefined();
  });

  it('does not run JSONLogic that reaches Function through lodash operators', () => {
    const escape = { _invoke: [{ _invoke: [{ var: 'data' }, 'constructor.constructor', 'globalThis.__formCodeRan = true'] }, 'call'] };
    validateSubmission(withCode({ type: 'textfield', key: 'calc', label: 'Calc', input: true, calculateValue: escape }), { name: 'x' }, t);
    expect(marker.__formCodeRan).toBeUndefined();
  });
});
