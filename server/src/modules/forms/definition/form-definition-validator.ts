import { assertJsonDepth, checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord } from '../../../core/json/json-guards';
import type { FormComponent, FormDefinition } from '../../../contracts/forms/form.types';
import { checkComponentKey, findDuplicateKeys } from './component-key-checker';
import { walkComponents, type WalkedComponent } from '../../../contracts/forms/component-walker';
import type { DefinitionProblem, DefinitionProblemCode } from './definition-problem.types';
import { findCodeInComponent, FORM_CODE_PROPERTIES, type FoundCode } from './evaluated-properties';
import { formDefinitionSchema } from './form-definition.schema';
import { findActiveHtml } from './html-script-finder';
import { findUnsafeLogicInComponent } from './jsonlogic-property-finder';
import { findTemplateCode } from './template-expression-finder';

export type FormDefinitionResult = { ok: true; form: FormDefinition } | { ok: false; problems: DefinitionProblem[] };

const CODE_PROBLEMS: Record<FoundCode['kind'], DefinitionProblemCode> = {
  javascript: 'javascript',
  shape: 'code-property-shape',
  'date-limit': 'date-limit-shape',
};

/**
 * Checks a whole definition and reports every problem at once, each with its position, so an editor can fix
 * them all in one round. Nothing from the definition is ever executed here. A definition nested deeper than any
 * accepted JSON is refused with the 400 `json-too-deep` before anything walks it.
 */
export function validateFormDefinition(definition: unknown): FormDefinitionResult {
  assertJsonDepth(definition);
  const problems: DefinitionProblem[] = [];
  const parsed = formDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ code: 'schema', path: formatIssuePath(issue.path), params: { issue: issue.code } });
    }
  }
  if (isRecord(definition)) {
    for (const property of FORM_CODE_PROPERTIES) {
      if (definition[property] !== undefined && definition[property] !== '') {
        problems.push({ code: 'javascript', path: property, property });
      }
    }
    for (const property of findTemplateCode({ title: definition.title, settings: definition.settings }, false)) {
      problems.push({ code: 'template-expression', path: property, property });
    }
    problems.push(...checkComponents(definition.components));
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, form: { ...parsed.data, components: parsed.data.components as FormComponent[] } };
}

function checkComponents(components: unknown): DefinitionProblem[] {
  if (!Array.isArray(components)) return [];
  const problems: DefinitionProblem[] = [...findNonObjects(components, 'components')];
  const walked: WalkedComponent[] = [...walkComponents(components)];
  for (const item of walked) {
    const { component, path } = item;
    const key = typeof component.key === 'string' ? component.key : undefined;
    if (typeof component.type !== 'string' || component.type === '') problems.push({ code: 'component-type-missing', path, key });
    problems.push(...checkComponentKey(item));
    for (const found of findCodeInComponent(component)) {
      problems.push({ code: CODE_PROBLEMS[found.kind], path, key, property: found.property });
    }
    for (const found of findUnsafeLogicInComponent(component)) {
      problems.push({ code: 'unsafe-jsonlogic', path, key, property: found.property, params: { operator: found.reason } });
    }
    for (const found of findActiveHtml(component)) {
      problems.push({ code: found.code, path, key, property: found.property });
    }
    for (const property of findTemplateCode(component, true)) {
      problems.push({ code: 'template-expression', path, key, property });
    }
  }
  problems.push(...findDuplicateKeys(walked));
  return problems;
}

// The walker skips entries that are not objects; report them rather than silently ignoring them.
function findNonObjects(list: unknown[], listPath: string, depth = 0): DefinitionProblem[] {
  checkWalkDepth(depth);
  const problems: DefinitionProblem[] = [];
  list.forEach((item: unknown, index) => {
    const path = `${listPath}[${index}]`;
    if (!isRecord(item)) {
      problems.push({ code: 'component-not-object', path });
      return;
    }
    if (Array.isArray(item.components)) problems.push(...findNonObjects(item.components, `${path}.components`, depth + 1));
    if (Array.isArray(item.columns)) {
      item.columns.forEach((column: unknown, columnIndex) => {
        if (isRecord(column) && Array.isArray(column.components)) {
          problems.push(...findNonObjects(column.components, `${path}.columns[${columnIndex}].components`, depth + 1));
        }
      });
    }
    if (Array.isArray(item.rows)) {
      item.rows.forEach((row: unknown, rowIndex) => {
        if (!Array.isArray(row)) return;
        row.forEach((cell: unknown, cellIndex) => {
          if (isRecord(cell) && Array.isArray(cell.components)) {
            problems.push(...findNonObjects(cell.components, `${path}.rows[${rowIndex}][${cellIndex}].components`, depth + 1));
          }
        });
      });
    }
  });
  return problems;
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${String(part)}` : String(part);
  }, '');
}
