import type { Component, FieldError } from '@formio/core';
import { cloneJson, isRecord, type JsonRecord } from '../../../core/json/json-guards';
import type { FormLike } from '../../../contracts/forms/form.types';
import { blankCalculatedValues } from './calculated-value-remover';
import { processFormSync, type FormProcessContext } from './component-processing';
import type { FormioErrorDetail, Translate } from './formio-error-detail.types';
import { installNoCodeEvaluator } from '../../forms';
import { checkPlausibility, type SubmissionFacts } from './submission-plausibility';
import { checkSubmissionTypes } from './submission-type-checker';
import { buildDetail, translateFieldError } from './validation-message-translator';
import { withWorkingComponents } from './working-components';

export type SubmissionResult = { ok: true; data: JsonRecord } | { ok: false; details: FormioErrorDetail[] };

interface ProcessScope {
  errors?: FieldError[];
}

// Installed once when this module loads, before any form is processed.
installNoCodeEvaluator();

/**
 * Validates and cleans submission data against a form on the server: shape check first, then @formio/core with
 * code evaluation off. On success `data` holds only the form's keys, with hidden values cleared and calculated
 * values recomputed. All problems are reported at once. `form` is a stored definition, which is never changed in
 * place: what is derived from it is remembered by its identity (working-components.ts). Then the rules every form
 * shares (submission-plausibility.ts): real calendar dates that fit their field, no negative amounts, text lengths.
 */
export function validateSubmission(form: FormLike, data: unknown, t: Translate, facts?: SubmissionFacts): SubmissionResult {
  installNoCodeEvaluator();
  if (!isRecord(data)) {
    return { ok: false, details: [buildDetail(t, { key: '', label: '' }, '', 'type', 'type', { expected: 'object' })] };
  }
  // Core mutates the data; work on a copy (and on a working copy of the components, below).
  const working = cloneJson(data);

  const typeProblems = checkSubmissionTypes(form.components, working);
  const details: FormioErrorDetail[] = typeProblems.map((problem) =>
    buildDetail(t, problem.component, problem.path, 'type', 'type', { expected: problem.expected }),
  );
  const badPaths = new Set(typeProblems.map((problem) => problem.path));
  // Drop the wrong values so core still checks the rest of the submission (and does not coerce them).
  for (const path of badPaths) removeAt(working, path);

  blankCalculatedValues(form.components, working);
  const cleaned = withWorkingComponents(form.components as Component[], ({ components, processors }) => {
    const context: FormProcessContext<ProcessScope> = {
      form: { ...form, components } as FormProcessContext<ProcessScope>['form'],
      submission: { data: working },
      components,
      data: working,
      processors,
      scope: {},
    };
    const scope = processFormSync(context);
    // Core's errors point at the working components: read them before the copy is handed on.
    for (const error of scope.errors ?? []) {
      const detail = translateFieldError(t, error);
      if (!isUnder(detail.context.path, badPaths)) details.push(detail);
    }
    // What core already refused is not judged twice.
    const refused = new Set(details.map((detail) => detail.context.path));
    for (const detail of checkPlausibility(form.components, context.data, t, facts)) {
      if (!refused.has(detail.context.path) && !isUnder(detail.context.path, badPaths)) details.push(detail);
    }
    return context.data;
  });
  if (details.length > 0) return { ok: false, details };
  return { ok: true, data: cleaned };
}

// A value refused for its type is already reported; what core then says about it or inside it is noise.
function isUnder(path: string, badPaths: ReadonlySet<string>): boolean {
  for (const bad of badPaths) {
    if (path === bad || path.startsWith(`${bad}.`) || path.startsWith(`${bad}[`)) return true;
  }
  return false;
}

function removeAt(data: JsonRecord, path: string): void {
  const parts = path.split(/[.[\]]+/).filter((part) => part !== '');
  let holder: unknown = data;
  for (const part of parts.slice(0, -1)) {
    holder = isRecord(holder) || Array.isArray(holder) ? (holder as Record<string, unknown>)[part] : undefined;
  }
  const last = parts.at(-1);
  if (last !== undefined && isRecord(holder)) delete holder[last];
}
