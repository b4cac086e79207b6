import { z } from 'zod';
import { ROAD_MAP_STOPS } from '../cases/road-map';
import { SHAREABLE_GROUPS } from '../referrals/referral.schemas';

/*
 * Form data → case, declared as data. A workflow lists which field of which form feeds which field of the case: the
 * person's profile, the consents per recipient, the needs per road-map stop, the obstacles and the plan of
 * assistance. The targets are a closed catalogue (below), each with the kind of value it takes, so a binding can be
 * checked when the definition is loaded and the cases module knows how to convert every value. Value maps translate
 * a form's option values into the case's (`yes` → `literate`); they are data too, and checked against both sides.
 * For the field groups a consent covers, the map takes each answer of the form to the groups it tells about
 * (`what-happened` → `narrative`, `narrativeSummary`): see groupsFromAnswers below.
 */

/** How urgently a road-map stop is needed; `immediate` starts the stop's service track in the shipped workflows. */
export const NEED_LEVELS = ['immediate', 'soon', 'later', 'notNeeded', 'provided'] as const;
/** The obstacles of the road map (seed 000). */
export const OBSTACLES = ['threats', 'emotionalStress', 'unwillingToReport', 'traumaMentalHealth', 'illiteracyLanguage', 'selfStigma'] as const;
export const LITERACY_LEVELS = ['literate', 'limited', 'none', 'unknown'] as const;
export const GOAL_STATUSES = ['planned', 'inProgress', 'done', 'cancelled'] as const;

/** What a target takes; the cases module converts a form's value to it or leaves the target alone. */
export type BindingValueKind =
  | { kind: 'date' }
  | { kind: 'age' }
  | { kind: 'boolean' }
  | { kind: 'text'; max: number }
  | { kind: 'country' }
  | { kind: 'languages' }
  | { kind: 'recipient' }
  | { kind: 'enum'; values: readonly string[] }
  /** Field groups (referral.schemas SHAREABLE_GROUPS), from the answers of a select-boxes field: see groupsFromAnswers. */
  | { kind: 'groups'; values: readonly string[] };

const needTargets = Object.fromEntries(ROAD_MAP_STOPS.map((stop) => [`needs.${stop}`, { kind: 'enum', values: NEED_LEVELS }]));
const obstacleTargets = Object.fromEntries(OBSTACLES.map((o) => [`obstacles.${o}`, { kind: 'boolean' }]));

/** Targets that take one value. */
export const SCALAR_BINDING_TARGETS: Readonly<Record<string, BindingValueKind>> = {
  'identity.birthDate': { kind: 'date' },
  'identity.estimatedAge': { kind: 'age' },
  'identity.ageUncertain': { kind: 'boolean' },
  'identity.nationality': { kind: 'country' },
  'identity.languages': { kind: 'languages' },
  'identity.literacy': { kind: 'enum', values: LITERACY_LEVELS },
  'identity.contact.phone': { kind: 'text', max: 40 },
  'plan.ownGoals': { kind: 'text', max: 2000 },
  'plan.nextReviewDate': { kind: 'date' },
  /** The country of return (ISO 3166 code) a return form records: a return programme's grant follows its parameters. */
  'plan.returnCountry': { kind: 'country' },
  ...(needTargets as Record<string, BindingValueKind>),
  ...(obstacleTargets as Record<string, BindingValueKind>),
};

export interface GridTarget {
  columns: Readonly<Record<string, BindingValueKind>>;
  /** Columns a binding must feed: without them a row means nothing. */
  required: readonly string[];
}

/** Targets fed by a data grid, one row per item. */
export const GRID_BINDING_TARGETS: Readonly<Record<string, GridTarget>> = {
  /** One consent per recipient: given or withdrawn, with the dates. */
  consents: {
    columns: {
      recipient: { kind: 'recipient' },
      given: { kind: 'boolean' },
      givenOn: { kind: 'date' },
      withdrawn: { kind: 'boolean' },
      withdrawnOn: { kind: 'date' },
      /** What may be shared with the recipient; without this column a consent covers every group. */
      groups: { kind: 'groups', values: SHAREABLE_GROUPS },
    },
    required: ['recipient', 'given'],
  },
  /** The plan's actions, each linked to a road-map stop. */
  'plan.goals': {
    columns: {
      stop: { kind: 'enum', values: ROAD_MAP_STOPS },
      description: { kind: 'text', max: 2000 },
      provider: { kind: 'text', max: 200 },
      owner: { kind: 'text', max: 200 },
      startDate: { kind: 'date' },
      dueDate: { kind: 'date' },
      status: { kind: 'enum', values: GOAL_STATUSES },
    },
    required: ['stop', 'description'],
  },
};

export const BINDING_TARGETS = [...Object.keys(SCALAR_BINDING_TARGETS), ...Object.keys(GRID_BINDING_TARGETS)] as [string, ...string[]];

/** A form field's data path: keys separated by dots (`ageYears`; panels add no level to Form.io data). */
export const FORM_FIELD_PATH_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;
/** Option values of a form, used as keys of a value map: stored as document keys, so no `.` and no leading `$`. */
const OPTION_VALUE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const fieldPath = z.string().regex(FORM_FIELD_PATH_PATTERN).max(200);
export const BindingValueMapSchema = z
  .record(
    z.string().regex(OPTION_VALUE_PATTERN).max(100),
    // A list only for a groups column: the field groups an answer tells about.
    z.union([z.string().max(100), z.number(), z.boolean(), z.array(z.string().max(100)).min(1).max(SHAREABLE_GROUPS.length)]),
  )
  .meta({ id: 'BindingValueMap', description: "A form's option values → the case's values (for a consent's groups: → the field groups each answer tells about)" });

export const BindingColumnSchema = z
  .strictObject({ field: fieldPath, values: BindingValueMapSchema.optional() })
  .meta({ id: 'BindingColumn', description: 'The column of a data grid row that feeds a column of the target' });

export const FormBindingSchema = z
  .strictObject({
    /** The form whose latest submission feeds the target. */
    form: z.string().regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/),
    /** The case field fed. */
    to: z.enum(BINDING_TARGETS),
    /** The form field: a value, or for a grid target the data grid. */
    field: fieldPath,
    values: BindingValueMapSchema.optional(),
    /** Grid targets only: which column of the grid's rows feeds which column of the target. */
    columns: z.record(z.string().regex(/^[a-z][A-Za-z]*$/), BindingColumnSchema).optional(),
  })
  .meta({ id: 'FormBinding', description: 'A form field that feeds a case field' });

export type FormBinding = z.infer<typeof FormBindingSchema>;
export type BindingColumn = z.infer<typeof BindingColumnSchema>;
export type BindingValueMap = z.infer<typeof BindingValueMapSchema>;

export function isGridTarget(to: string): boolean {
  return Object.hasOwn(GRID_BINDING_TARGETS, to);
}

/**
 * The field groups a consent covers, from the answers ticked in the form ("what may be shared") and the binding's
 * value map, which names for each answer the groups it tells about. A group is covered only when the person agreed
 * to everything in it: every answer naming it is ticked (the account of trauma, exploitation and health needs both
 * "what happened" and "your health"). A group no answer names is never covered through the form (the safe-house
 * location, criminal proceedings), and nothing ticked covers nothing. Without a value map the answers must be the
 * groups themselves. In the order of `groups` (SHAREABLE_GROUPS).
 */
export function groupsFromAnswers(ticked: readonly string[], values: BindingValueMap | undefined, groups: readonly string[]): string[] {
  const answers = new Set(ticked);
  if (!values) return groups.filter((group) => answers.has(group));
  const naming = (group: string) => Object.entries(values).filter(([, to]) => Array.isArray(to) && to.includes(group)).map(([answer]) => answer);
  return groups.filter((group) => {
    const needed = naming(group);
    return needed.length > 0 && needed.every((answer) => answers.has(answer));
  });
}
