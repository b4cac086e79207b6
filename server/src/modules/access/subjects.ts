/**
 * The vocabulary of permissions: every subject, action and field a role's rule may name. A rule that names
 * anything else is refused when the role is saved, so a typo can never silently grant or withhold access.
 *
 * Personal data is grouped into top-level field groups that mirror the visibility table of the field
 * (DOMAIN.md "Who sees what"), so a role says in one word what it may see.
 */
export const ACTIONS = [
  'manage', // CASL's wildcard: every action
  'create',
  'read',
  'update',
  'delete',
  'publish',
  'clone',
  'fire', // move a case by firing a workflow event
  'assign',
  'export',
  'revoke',
  'migrate', // move a running case to another workflow version (sees the case's reference and stage only)
  'approve', // decide on what someone else asked for (an increase of a reintegration grant: four eyes)
] as const;
export type Action = (typeof ACTIONS)[number];

/** Field groups of a case file (top-level keys of the case document). */
export const CASE_FIELDS = [
  'reference',
  'orgId',
  'assignees',
  'workflow', // position, deadlines, timeline of events
  'alias', // the pseudonymous name only
  'identity', // date of birth or estimated age, nationality, languages, contact
  'safeAccommodation', // location of a safe house or shelter
  'narrative', // trauma, exploitation narrative, health
  'narrativeSummary', // a short summary without details, for those who need only that
  'criminalProceedings',
  'proceedingsSummary',
  'integration', // legal status, language, education, work
  'plan', // plan of assistance and services
  'consents',
  'sharedWith',
] as const;

/** Submission values are split by the sensitivity tag of their Form.io component. */
export const SUBMISSION_FIELDS = ['formPath', 'revision', 'caseId', 'data', 'restrictedData', 'confidentialData'] as const;

export const SUBJECT_FIELDS = {
  all: [],
  Organisation: ['slug', 'name', 'country', 'type', 'parentId', 'parameters', 'oidc'],
  User: ['email', 'name', 'memberships', 'status'],
  Role: ['key', 'name', 'rules'],
  Session: [],
  AuditEntry: [],
  FormTemplate: [],
  Form: ['title', 'path', 'components', 'translations', 'tags', 'settings', 'properties'],
  Submission: SUBMISSION_FIELDS,
  Case: CASE_FIELDS,
  WorkflowTemplate: [],
  Workflow: ['definition', 'status', 'upstream'],
  /** A referral of a case between organisations (modules/referrals); `update` is deciding on it. */
  Referral: ['fromOrgId', 'toOrgId', 'caseId', 'status'],
  /** The reintegration grant of a return programme on a case (cases/grants), kept by the programme's organisation. */
  ReintegrationGrant: ['orgId', 'country', 'currency', 'increases', 'disbursements'],
  /** An increase of a grant, for deciding on it (`approve`); conditions may name `requestedBy`. */
  GrantIncrease: ['orgId', 'requestedBy'],
} as const satisfies Record<string, readonly string[]>;

export type SubjectName = keyof typeof SUBJECT_FIELDS;
export const SUBJECTS = Object.keys(SUBJECT_FIELDS) as SubjectName[];

/** Fields CASL should consider for a subject type (used by permittedFieldsOf when a rule lists none). */
export function fieldsOf(subject: string): string[] {
  return [...((SUBJECT_FIELDS as Record<string, readonly string[]>)[subject] ?? [])];
}

/** Submission field holding a value of the given sensitivity. */
export function submissionFieldFor(sensitivity: 'restricted' | 'confidential' | undefined): string {
  if (sensitivity === 'restricted') return 'restrictedData';
  if (sensitivity === 'confidential') return 'confidentialData';
  return 'data';
}
