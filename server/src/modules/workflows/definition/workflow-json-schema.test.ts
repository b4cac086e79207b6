import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOWS_DIR } from '../templates/template-context';
import { workflowJsonSchemaText } from './workflow-json-schema';

const SCHEMA_FILE = join(WORKFLOWS_DIR, 'workflow.schema.json');

/** Regenerate with: UPDATE_WORKFLOW_SCHEMA=1 npx jest --selectProjects unit workflow-json-schema */
describe('published JSON Schema', () => {
  it('workflows/workflow.schema.json is generated from the zod schema and up to date', () => {
    const expected = workflowJsonSchemaText();
    if (process.env.UPDATE_WORKFLOW_SCHEMA === '1') writeFileSync(SCHEMA_FILE, expected);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(expected);
  });
});
