import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_FORM_PATHS, WORKFLOWS_DIR, templateFormFields } from '../templates/template-context';
import { validateWorkflowDefinition } from './workflow-definition.validator';

const finland = JSON.parse(readFileSync(join(WORKFLOWS_DIR, 'finland-municipality.json'), 'utf8')) as Record<string, unknown>;
const parameters = { childAgeLimit: 18, reflectionPeriod: 'P30D', planReviewFirstInterval: 'P1M', planReviewFirstPhase: 'P6M', planReviewInterval: 'P3M' };
const options = { formPaths: TEMPLATE_FORM_PATHS, parameters, formFields: templateFormFields() };

function problemsWith(bindings: unknown[]) {
  return validateWorkflowDefinition({ ...finland, bindings }, options).filter((p) => p.path.startsWith('/bindings'));
}

describe('form bindings in a workflow definition', () => {
  it('accepts the shipped bindings, checked field by field', () => {
    expect(problemsWith(finland.bindings as unknown[])).toEqual([]);
  });

  it('reports each wrong binding with its path', () => {
    const problems = problemsWith([
      { form: 'needs-assessment', to: 'identity.estimatedAge', field: 'ageInYears' },
      { form: 'needs-assessment', to: 'identity.literacy', field: 'literacy', values: { yes: 'fluent', maybe: 'limited' } },
      { form: 'no-such-form', to: 'plan.ownGoals', field: 'goals' },
      { form: 'consent-information', to: 'consents', field: 'consents', columns: { recipient: { field: 'recipient' }, colour: { field: 'given' } } },
      { form: 'plan-of-assistance', to: 'identity.estimatedAge', field: 'planDate' },
    ]);
    expect(problems).toEqual([
      { path: '/bindings/0/field', code: 'unknown-form-field', params: { formPath: 'needs-assessment', field: 'ageInYears' } },
      { path: '/bindings/1/values/yes', code: 'binding-invalid-value', params: { value: 'fluent' } },
      { path: '/bindings/1/values/maybe', code: 'unknown-form-option', params: { field: 'literacy', option: 'maybe' } },
      { path: '/bindings/2/form', code: 'unknown-form', params: { formPath: 'no-such-form' } },
      { path: '/bindings/3/columns', code: 'binding-columns', params: { target: 'consents', column: 'given', reason: 'missing-column' } },
      { path: '/bindings/3/columns/colour', code: 'binding-columns', params: { target: 'consents', column: 'colour', reason: 'unknown-column' } },
      { path: '/bindings/4/to', code: 'duplicate-binding', params: { target: 'identity.estimatedAge', first: '/bindings/0' } },
    ]);
  });

  it("checks a consent's groups map: each answer exists in the form and names field groups only, and no other target takes a list", () => {
    const consents = (finland.bindings as Array<{ to: string; columns?: Record<string, unknown> }>).find((binding) => binding.to === 'consents')!;
    const problems = problemsWith([
      { ...consents, columns: { ...consents.columns, groups: { field: 'sharedInformation', values: { contact: ['identity', 'shoeSize'], 'favourite-colour': ['plan'], health: 'narrative' } } } },
      { form: 'needs-assessment', to: 'identity.literacy', field: 'literacy', values: { yes: ['literate'] } },
    ]);
    expect(problems).toEqual([
      { path: '/bindings/0/columns/groups/values/contact', code: 'binding-invalid-value', params: { value: 'identity,shoeSize' } },
      { path: '/bindings/0/columns/groups/values/favourite-colour', code: 'unknown-form-option', params: { field: 'consents.sharedInformation', option: 'favourite-colour' } },
      { path: '/bindings/0/columns/groups/values/health', code: 'binding-invalid-value', params: { value: 'narrative' } },
      { path: '/bindings/1/values/yes', code: 'binding-invalid-value', params: { value: 'literate' } },
    ]);
  });

  it('refuses an unknown target by the schema, with its path', () => {
    const problems = validateWorkflowDefinition({ ...finland, bindings: [{ form: 'needs-assessment', to: 'identity.shoeSize', field: 'ageYears' }] }, options);
    expect(problems).toEqual([expect.objectContaining({ path: '/bindings/0/to', code: 'invalid-option' })]);
  });
});
