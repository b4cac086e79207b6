import { isDeepStrictEqual } from 'node:util';
import type { AppRawRule } from './ability';
import { conditionImplies, type Condition } from './condition-implication';

/**
 * "Nobody grants more than they hold": every permission a role would give (action × subject × field, under its
 * conditions, after the organisation boundary) must be held by the person creating, editing or assigning it.
 * Both sides are compared as effective rules (role-rules.ts), with `${user.id}` filled by the same stand-in on
 * both sides, so "cases assigned to me" is held by whoever holds "cases assigned to me".
 */
export const SELF = 'grant-check-self';

export interface GrantProblem {
  /** The offending rule, e.g. `rules[2]`. */
  path: string;
  action: string;
  subject: string;
  field?: string;
}

/** A candidate rule and the path of the stored rule it came from (one stored rule may yield several). */
export interface CandidateRule {
  path: string;
  rule: AppRawRule;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);

const coversAction = (rule: AppRawRule, action: string) => list(rule.action).some((held) => held === action || held === 'manage');
const coversSubject = (rule: AppRawRule, subject: string) => list(rule.subject).some((held) => held === subject || held === 'all');
/** `field` undefined: every field of the subject, which only a rule without a field list holds. */
function coversField(rule: AppRawRule, field: string | undefined): boolean {
  if (!rule.fields) return true;
  if (field === undefined) return false;
  return list(rule.fields).some((held) => held === field || (held.endsWith('.*') && field.startsWith(held.slice(0, -1))));
}
function overlapsFields(rule: AppRawRule, field: string | undefined): boolean {
  return !rule.fields || field === undefined || coversField(rule, field) || list(rule.fields).some((held) => held.startsWith(`${field}.`));
}

function isHeld(holder: readonly AppRawRule[], candidates: readonly CandidateRule[], action: string, subject: string, field: string | undefined, conditions: Condition | undefined): boolean {
  const granted = holder.some(
    (rule) => !rule.inverted && coversAction(rule, action) && coversSubject(rule, subject) && coversField(rule, field) && conditionImplies(conditions, rule.conditions as Condition | undefined),
  );
  if (!granted) return false;
  // A restriction the holder lives under must come along with what is granted, or the grant would lift it.
  return holder.every((rule) => {
    if (!rule.inverted) return true;
    const touches = (coversAction(rule, action) || action === 'manage') && (coversSubject(rule, subject) || subject === 'all') && overlapsFields(rule, field);
    return !touches || candidates.some(({ rule: candidate }) => candidate.inverted && isDeepStrictEqual(candidate, rule));
  });
}

/** Every permission among `candidates` that `holder` does not hold, with the path of its rule. */
export function grantsBeyondHolder(holder: readonly AppRawRule[], candidates: readonly CandidateRule[]): GrantProblem[] {
  const problems = new Map<string, GrantProblem>();
  for (const { path, rule } of candidates) {
    if (rule.inverted) continue;
    const fields: Array<string | undefined> = rule.fields ? list(rule.fields) : [undefined];
    for (const action of list(rule.action)) {
      for (const subject of list(rule.subject)) {
        for (const field of fields) {
          if (!isHeld(holder, candidates, action, subject, field, rule.conditions as Condition | undefined)) {
            // One stored rule may yield several confined rules (own organisation, shared with it): one problem each.
            problems.set(JSON.stringify([path, action, subject, field]), { path, action, subject, ...(field === undefined ? {} : { field }) });
          }
        }
      }
    }
  }
  return [...problems.values()];
}
