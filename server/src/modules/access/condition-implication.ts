import { isDeepStrictEqual } from 'node:util';

/**
 * Does every record matched by condition `narrow` also match condition `wide`? Conditions are CASL's MongoDB-style
 * queries with placeholders already filled in. The answer is sound but not complete: `true` is given only when the
 * implication follows from the shapes below, and anything else (an unfamiliar operator, a `$nor`) is `false`. That
 * is the safe side for both users of this question: confining a rule to its organisation (a rule that is not known
 * to stay inside gets the boundary added) and refusing a grant (a rule not known to be held is refused).
 *
 * Shapes understood: a conjunction of field constraints (top-level keys and `$and`), `$or` of such conjunctions,
 * and per field an exact value, `{ $eq: v }` or `{ $in: [...] }`. Any other constraint must be equal as written.
 */
export type Condition = Record<string, unknown>;
const MAX_DEPTH = 16;

/** The conjuncts of a condition: one `{ field: constraint }` or `{ $or: [...] }` each, `$and`s flattened. */
function conjunctsOf(condition: Condition, depth: number): Condition[] | null {
  if (depth > MAX_DEPTH) return null;
  const result: Condition[] = [];
  for (const [key, value] of Object.entries(condition)) {
    if (key === '$and') {
      if (!Array.isArray(value)) return null;
      for (const item of value) {
        if (!isCondition(item)) return null;
        const inner = conjunctsOf(item, depth + 1);
        if (!inner) return null;
        result.push(...inner);
      }
    } else {
      result.push({ [key]: value });
    }
  }
  return result;
}

const isCondition = (value: unknown): value is Condition => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** The values a constraint allows when it is an exact value, `$eq` or `$in`; null when it is anything else. */
function allowedValues(constraint: unknown): unknown[] | null {
  if (!isCondition(constraint)) return [constraint];
  const keys = Object.keys(constraint);
  if (keys.length !== 1) return null;
  if (keys[0] === '$eq') return [constraint.$eq];
  if (keys[0] === '$in' && Array.isArray(constraint.$in)) return constraint.$in;
  return keys[0]!.startsWith('$') ? null : [constraint];
}

function constraintImplies(narrow: unknown, wide: unknown): boolean {
  if (isDeepStrictEqual(narrow, wide)) return true;
  const narrowValues = allowedValues(narrow);
  const wideValues = allowedValues(wide);
  if (!narrowValues || !wideValues) return false;
  return narrowValues.every((value) => wideValues.some((candidate) => isDeepStrictEqual(value, candidate)));
}

function disjunctsOf(conjunct: Condition): Condition[] | null {
  const value = conjunct.$or;
  if (value === undefined) return null;
  return Array.isArray(value) && value.every(isCondition) ? value : [];
}

/** Does the conjunction `narrow` imply the single conjunct `wide`? */
function impliesConjunct(narrow: Condition[], wide: Condition, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (narrow.some((item) => isDeepStrictEqual(item, wide))) return true;
  const wideOptions = disjunctsOf(wide);
  if (wideOptions) {
    if (wideOptions.some((option) => impliesAll(narrow, option, depth + 1))) return true;
  } else {
    const [field, constraint] = Object.entries(wide)[0]!;
    if (field.startsWith('$')) return false;
    if (narrow.some((item) => Object.hasOwn(item, field) && constraintImplies(item[field], constraint))) return true;
  }
  // Case analysis over an `$or` of the narrow side: each of its options (with the rest) must imply `wide`.
  return narrow.some((item, index) => {
    const options = disjunctsOf(item);
    if (!options || options.length === 0) return false;
    const rest = narrow.filter((_, other) => other !== index);
    return options.every((option) => {
      const expanded = conjunctsOf(option, depth + 1);
      return expanded !== null && impliesConjunct([...rest, ...expanded], wide, depth + 1);
    });
  });
}

function impliesAll(narrow: Condition[], wide: Condition, depth: number): boolean {
  const wideConjuncts = conjunctsOf(wide, depth);
  return wideConjuncts !== null && wideConjuncts.every((conjunct) => impliesConjunct(narrow, conjunct, depth));
}

/** `narrow` and `wide` absent mean "no condition": every record. */
export function conditionImplies(narrow: Condition | undefined, wide: Condition | undefined): boolean {
  if (!wide || Object.keys(wide).length === 0) return true;
  const narrowConjuncts = conjunctsOf(narrow ?? {}, 0);
  return narrowConjuncts !== null && impliesAll(narrowConjuncts, wide, 0);
}
