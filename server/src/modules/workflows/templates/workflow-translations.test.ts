import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultActionRegistry } from '../actions/action-registry';
import { definitionI18nKeys, actionKey, problemKey } from '../../../contracts/workflows/i18n-keys.util';
import { WORKFLOW_PROBLEM_CODES } from '../../../contracts/workflows/workflow-problem.types';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { TEMPLATE_FORM_PATHS, WORKFLOWS_DIR } from './template-context';
import { loadJurisdictions, loadWorkflowTemplates } from './workflow-template.loader';

const LOCALES = join(WORKFLOWS_DIR, '..', 'locales');

function lookup(resources: unknown, key: string): unknown {
  const path = key.replace(/^workflows:/, '').split('.');
  return path.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), resources);
}

describe('workflow translations (en, fi)', () => {
  const templates = loadWorkflowTemplates(WORKFLOWS_DIR, TEMPLATE_FORM_PATHS);
  const keys = new Set<string>();
  for (const t of templates) {
    definitionI18nKeys(t.definition as WorkflowDefinition).forEach((k) => keys.add(k));
    // Keys inside action params (task titles, messages).
    for (const m of JSON.stringify(t.definition).matchAll(/"(workflows:[A-Za-z0-9_.-]+)"/g)) keys.add(m[1] as string);
  }
  for (const id of defaultActionRegistry.keys()) keys.add(actionKey(id));
  keys.add('workflows:actions.open-child-branch.message');
  for (const code of WORKFLOW_PROBLEM_CODES) keys.add(problemKey(code));
  for (const j of loadJurisdictions(WORKFLOWS_DIR).values()) {
    keys.add(j.nameKey);
    for (const p of Object.values(j.parameters)) if (p.kind === 'authority') keys.add(p.value as string);
  }

  it.each(['en', 'fi'])('%s has a text for every stage, event, deadline, role, action and problem key', (lng) => {
    const resources = JSON.parse(readFileSync(join(LOCALES, lng, 'workflows.json'), 'utf8'));
    const missing = [...keys].filter((k) => typeof lookup(resources, k) !== 'string' || (lookup(resources, k) as string).trim() === '');
    expect(missing).toEqual([]);
    expect(keys.size).toBeGreaterThan(200);
  });
});
