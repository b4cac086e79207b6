import { loadFixture, translatorFor } from '../../../../../test/helpers/forms-test-kit';
import { findSensitiveFields } from '../../forms';
import { validateSubmission } from './submission-validator';

const form = loadFixture('sixty-field-form.json');
const submission = loadFixture<Record<string, unknown>>('sixty-field-submission.json');

describe('the 60-field benchmark fixture', () => {
  it('accepts the matching submission unchanged', () => {
    expect(validateSubmission(form, submission, translatorFor('en'))).toEqual({ ok: true, data: submission });
  });

  it('recomputes the risk score instead of keeping the client value', () => {
    const result = validateSubmission(form, { ...submission, riskScore: 0 }, translatorFor('en'));
    expect(result.ok && result.data.riskScore).toBe(3);
  });

  it('lists the restricted and confidential fields with their data paths', () => {
    const fields = findSensitiveFields(form);
    expect(fields).toContainEqual({ key: 'alias', dataPath: 'alias', path: 'components[1].components[0]', sensitivity: 'restricted' });
    expect(fields).toContainEqual(expect.objectContaining({ key: 'healthNotes', dataPath: 'healthNotes', sensitivity: 'confidential' }));
    expect(fields).toContainEqual(expect.objectContaining({ key: 'dependants', dataPath: 'dependants', sensitivity: 'restricted' }));
    expect(fields.every((field) => field.key in submission)).toBe(true);
  });
});

describe('findSensitiveFields', () => {
  it('gives nested data paths through containers and datagrids, not through panels', () => {
    const fields = findSensitiveFields({
      components: [
        { type: 'panel', key: 'p', input: false, components: [
          { type: 'container', key: 'household', input: true, components: [
            { type: 'datagrid', key: 'members', input: true, components: [
              { type: 'textfield', key: 'name', input: true, properties: { sensitivity: 'confidential' } },
              { type: 'textfield', key: 'role', input: true, properties: { sensitivity: 'public' } },
            ] },
          ] },
        ] },
      ],
    });
    expect(fields).toEqual([{ key: 'name', dataPath: 'household.members.name', path: 'components[0].components[0].components[0].components[0]', sensitivity: 'confidential' }]);
  });
});
