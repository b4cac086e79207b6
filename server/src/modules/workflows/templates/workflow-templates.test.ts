import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflowDefinition } from '../definition/workflow-definition.validator';
import { jurisdictionParameterValues, invalidParameterValues } from '../jurisdictions/jurisdiction-parameters';
import { TEMPLATE_FORM_PATHS, WORKFLOWS_DIR, templateFormFields } from './template-context';
import { loadJurisdictions, loadWorkflowTemplates } from './workflow-template.loader';

describe('shipped workflow templates', () => {
  const templates = loadWorkflowTemplates(WORKFLOWS_DIR, TEMPLATE_FORM_PATHS, templateFormFields());

  it('ships the four templates', () => {
    expect(templates.map((t) => t.file)).toEqual([
      'denmark-cmm.json',
      'finland-municipality.json',
      'iom-return.json',
      'shelter-reintegration.json',
    ]);
  });

  it.each(templates.map((t) => [t.file, t] as const))('%s validates as the server loads it', (_file, template) => {
    expect(template.problems).toEqual([]);
  });

  it('the forms folder has every form path the templates may use', () => {
    const formsDir = join(WORKFLOWS_DIR, '..', 'forms');
    const present = new Set(readdirSync(formsDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(formsDir, f), 'utf8')).path));
    for (const path of TEMPLATE_FORM_PATHS) expect(present).toContain(path);
  });

  it('iom-return validates against every return country it serves', () => {
    const jurisdictions = loadJurisdictions(WORKFLOWS_DIR);
    const def = JSON.parse(readFileSync(join(WORKFLOWS_DIR, 'iom-return.json'), 'utf8'));
    for (const code of ['bg', 'cz', 'ro', 'hu']) {
      const parameters = jurisdictionParameterValues(jurisdictions.get(code)!);
      expect({ code, problems: validateWorkflowDefinition(def, { formPaths: TEMPLATE_FORM_PATHS, parameters }) }).toEqual({ code, problems: [] });
    }
  });
});

describe('jurisdictions', () => {
  const jurisdictions = loadJurisdictions(WORKFLOWS_DIR);

  it('has the seven jurisdictions with well-typed values', () => {
    expect([...jurisdictions.keys()].sort()).toEqual(['bg', 'cz', 'dk', 'fi', 'hu', 'mk', 'ro']);
    for (const j of jurisdictions.values()) expect({ code: j.code, invalid: invalidParameterValues(j) }).toEqual({ code: j.code, invalid: [] });
  });

  it('marks the values DOMAIN.md asks to verify', () => {
    const verify = (code: string, name: string) => jurisdictions.get(code)?.parameters[name]?.verify;
    expect(verify('fi', 'reflectionPeriod')).toBeDefined();
    expect(verify('fi', 'reflectionPeriodMax')).toBeDefined();
    expect(verify('fi', 'elyStatementRequired')).toBeDefined();
    expect(verify('fi', 'integrationLanguageTarget')).toBeDefined();
    expect(verify('dk', 'reflectionPeriodExtendedMax')).toBeDefined();
    expect(verify('dk', 'reintegrationSupportPeriod')).toBeDefined();
    expect(verify('hu', 'reintegrationGrant')).toBeDefined();
    expect(jurisdictions.get('hu')?.parameters.reintegrationGrant?.value).toEqual({ amount: 1500, currency: 'CHF' });
    expect(jurisdictions.get('dk')?.parameters.reflectionPeriod?.value).toBe('P30D');
  });

  it('contains no contact details of a person', () => {
    // The parameters and, under rights/, the information sheets given to the person.
    const text = readdirSync(join(WORKFLOWS_DIR, 'jurisdictions'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
    expect(text).not.toMatch(/@|\+?\d{3}[ -]?\d{3}[ -]?\d{4}|Cullen/);
  });
});
