import type { z } from 'zod';
import { WorkflowDefinitionSchema } from './workflow-definition.schemas';
import type { WorkflowProblem, WorkflowProblemCode } from './workflow-problem.types';

/*
 * The format problems of a definition, each at the JSON pointer of the value that is wrong and with a code that says
 * what is wrong in words an administrator understands (`invalid-duration`, not "must match pattern /^P.../"). Both
 * the server (saving and publishing) and the visual editor (as the administrator types) call this, so a value is
 * refused at its field with the same message everywhere.
 */

type Issue = z.core.$ZodIssue;
type PathPart = PropertyKey;

/** Properties whose values are durations (a deadline's `after`, a schedule's `every` and `for`, `remindBefore`). */
const DURATION_KEYS = new Set(['after', 'every', 'for', 'remindBefore']);

function isDurationPath(path: readonly PathPart[]): boolean {
  const deadline = path.lastIndexOf('deadlines');
  return deadline >= 0 && path.slice(deadline + 2).some((part) => typeof part === 'string' && DURATION_KEYS.has(part));
}

/** The last property name on the path (array indexes skipped): the field the value belongs to. */
function fieldOf(path: readonly PathPart[]): string | undefined {
  return [...path].reverse().find((part): part is string => typeof part === 'string');
}

/** Whether the definition has anything at the path (a missing property is `required`, whatever zod calls it). */
function isMissing(definition: unknown, path: readonly PathPart[]): boolean {
  let value: unknown = definition;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return true;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value === undefined;
}

function codeOf(definition: unknown, issue: Issue): WorkflowProblemCode {
  const path = issue.path;
  const field = fieldOf(path);
  const parent = path.at(-2);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && isMissing(definition, path)) {
    return 'required';
  }
  // A stage's name: empty is missing, anything else wrong (too long, an unknown language) is one message.
  if (path[0] === 'stageNames') return issue.code === 'too_small' ? 'required' : 'invalid-stage-name';
  switch (issue.code) {
    case 'custom':
      // The one refinement of the format: a deadline falls due either after a duration or on a schedule.
      return 'deadline-timing';
    case 'unrecognized_keys':
      return 'unknown-property';
    case 'invalid_key':
      return parent === 'on' ? 'invalid-event-name' : 'invalid-identifier';
    case 'invalid_value':
      return 'invalid-option';
    case 'invalid_union':
      if (isDurationPath(path)) return 'invalid-duration';
      return path.at(-1) === 'type' ? 'invalid-option' : 'schema';
    case 'invalid_type':
      return isDurationPath(path) ? 'invalid-duration' : 'schema';
    case 'invalid_format':
    case 'too_small':
      if (isDurationPath(path)) return 'invalid-duration';
      if (field === 'target') return 'invalid-target';
      if (field === 'requiredForms') return 'invalid-form-path';
      if (field === 'event') return 'invalid-event-name';
      if (path.length <= 1) return 'schema';
      return issue.code === 'too_small' ? 'required' : 'invalid-identifier';
    default:
      return 'schema';
  }
}

function paramsOf(issue: Issue): Record<string, unknown> {
  const params: Record<string, unknown> = { issue: issue.code, message: issue.message };
  if (issue.code === 'unrecognized_keys') params.keys = issue.keys;
  if (issue.code === 'invalid_value') params.options = issue.values;
  // A stage's `type` out of the choices: zod names the choices as the discriminator's options.
  if (issue.code === 'invalid_union' && Array.isArray((issue as { options?: unknown }).options)) params.options = (issue as { options: unknown[] }).options;
  if (issue.code === 'invalid_key') params.key = String(issue.path.at(-1));
  return params;
}

/** The JSON pointer of a zod path (`~` and `/` escaped as RFC 6901 says). */
export function pointerOf(path: readonly PathPart[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Every format problem of a definition (empty when it matches the workflow format). */
export function workflowSchemaProblems(definition: unknown): WorkflowProblem[] {
  const parsed = WorkflowDefinitionSchema.safeParse(definition);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: pointerOf(issue.path), code: codeOf(definition, issue), params: paramsOf(issue) }));
}
