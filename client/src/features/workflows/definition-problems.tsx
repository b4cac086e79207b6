import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';

/*
 * Problems of the definition being edited, placed at the editor's fields: each field knows the JSON pointer of the
 * value it edits, and shows the problems at that pointer (or inside it) next to itself, translated. The format
 * problems come from the contract's check as the administrator types; the others from the server's validation.
 */

/** A problem as the contract's WorkflowProblem has it; `code` also takes the editor's own (`duplicate-stage`). */
export interface PlacedProblem {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

const ProblemsContext = createContext<readonly PlacedProblem[]>([]);
export const ProblemsProvider = ProblemsContext.Provider;

/** The element id of the field editing the value at a JSON pointer, so a problem in the list can lead to it. */
export function fieldId(pointer: string): string {
  return `field${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

const inside = (pointer: string, path: string) => path === pointer || path.startsWith(`${pointer}/`);

/** The problems at a pointer; with `deep`, also those of the values inside it (a stage and everything in it). */
export function useProblemsAt(pointer: string, deep = false): PlacedProblem[] {
  const problems = useContext(ProblemsContext);
  return problems.filter((problem) => (deep ? inside(pointer, problem.path) : problem.path === pointer));
}

/** Problems at any of the pointers, or inside them: what a field that edits several values answers for. */
export function useProblemsUnder(pointers: string[]): PlacedProblem[] {
  const problems = useContext(ProblemsContext);
  return problems.filter((problem) => pointers.some((pointer) => inside(pointer, problem.path)));
}

/** A problem in words (locales/<lng>/workflows.json `problems.<code>`), with what the code's text names. */
export function useProblemText() {
  const { t } = useTranslation('workflows');
  return (problem: PlacedProblem) => {
    const params = problem.params ?? {};
    const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : '');
    return t(`problems.${problem.code}`, {
      ...params,
      keys: list(params.keys),
      options: list(params.options),
      defaultValue: t('problems.schema'),
    });
  };
}

/** The attributes that tie a field to its messages. */
export function invalidProps(pointer: string, problems: PlacedProblem[]) {
  return problems.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(pointer)}-problems` } : {};
}

/** The messages of a field, below it; screen readers hear them with the field (aria-describedby). */
export function FieldProblems({ pointer, problems }: { pointer: string; problems: PlacedProblem[] }) {
  const text = useProblemText();
  if (problems.length === 0) return null;
  return (
    <ul id={`${fieldId(pointer)}-problems`} className="field-problems error">
      {problems.map((problem, index) => (
        <li key={`${problem.path}-${problem.code}-${index}`}>{text(problem)}</li>
      ))}
    </ul>
  );
}
