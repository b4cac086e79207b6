import { eventKey, stageKey } from './i18n-keys.util';

/**
 * What naming needs of i18next's `t`: the text of the first key that has one, else the default. The contract imports
 * no i18next; the client's and the server's `t` both fit.
 */
export type NameLookup = (keys: string[], options: { defaultValue: string }) => string;

/** The id of the stage a path ends in: `assistance/plan` → `plan`. */
export const stageIdOf = (path: string): string => path.split('/').at(-1) ?? path;

/** The top-level stage a path is under: `assistance/plan` → `assistance`. */
export const topStageOf = (path: string): string => path.split('/')[0]!;

/**
 * A stage's display name, the same on every page and in every document: the text of `<workflow>.stages.<id>` of the
 * first of `workflowIds` that has one (a case list mixes workflows, so it names several), else the stage's id.
 */
export function stageName(t: NameLookup, workflowIds: readonly string[], path: string): string {
  const id = stageIdOf(path);
  return workflowIds.length > 0 ? t(workflowIds.map((workflowId) => stageKey(workflowId, id)), { defaultValue: id }) : id;
}

/** An event's display name, found as a stage's is (`<workflow>.events.<event>`), else the event itself. */
export function eventName(t: NameLookup, workflowIds: readonly string[], event: string): string {
  return workflowIds.length > 0 ? t(workflowIds.map((workflowId) => eventKey(workflowId, event)), { defaultValue: event }) : event;
}

/** A definition's `stageNames`: by stage id, the name in each language the administrator gave it. */
export type GivenStageNames = Record<string, Record<string, string>>;

/**
 * The name an administrator gave a stage (a definition's `stageNames`), where the workflow's translations have none:
 * in `language`, else in English, else in the first language given, as i18next falls back to English; none given,
 * `undefined` (the translations or the id name it).
 */
export function givenStageName(names: GivenStageNames | undefined, path: string, language: string): string | undefined {
  const byLanguage = names?.[stageIdOf(path)];
  if (!byLanguage) return undefined;
  return byLanguage[language.split('-')[0]!] ?? byLanguage.en ?? Object.values(byLanguage)[0];
}

/**
 * A stage's name as every page and document shows it: the name its administrator gave it (`names`, the definition's
 * `stageNames`), else the workflow's translations, else its id. One rule for the client and the server (the plan PDF).
 */
export function namedStage(t: NameLookup, workflowIds: readonly string[], path: string, names: GivenStageNames | undefined, language: string): string {
  return givenStageName(names, path, language) ?? stageName(t, workflowIds, path);
}
