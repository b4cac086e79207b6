import type { RoleRule } from './rule.schemas';
import type { RoleScope } from './tenant-boundary';

/**
 * Platform presets, cloned into an organisation and then edited there as data. They follow the visibility table of
 * the field (DOMAIN.md "Who sees what"). `${...}` placeholders are filled per request.
 */
export interface RolePreset {
  key: string;
  rules: RoleRule[];
  /** Administrators and auditors of a national body look after the organisations below it too. */
  scope?: Exclude<RoleScope, 'platform'>;
}

/** Roles of the platform itself: they belong to no organisation and only platform administrators assign them. */
export const PLATFORM_ROLE_PRESETS: RolePreset[] = [{ key: 'platform-admin', rules: [{ action: 'manage', subject: 'all' }] }];

const OWN_ORG = { orgId: '${org.id}' };
const SHARED_WITH_ORG = { sharedWith: '${org.id}' };
const MY_CASES = { orgId: '${org.id}', assignees: '${user.id}' };
const POLICE_CONSENTED = { orgId: '${org.id}', 'consents.police.given': true };
const ORG_TREE = { orgId: { $in: '${org.descendantIds}' } };

const readDesign: RoleRule[] = [
  { action: 'read', subject: ['FormTemplate', 'WorkflowTemplate'] },
  { action: 'read', subject: ['Form', 'Workflow'], conditions: OWN_ORG },
  { action: 'read', subject: 'Organisation', conditions: { _id: { $in: '${org.descendantIds}' } } },
];

/** Referrals: sending the organisation's cases elsewhere, and deciding on those sent to it (`update`). */
const SEND_REFERRALS: RoleRule = { action: ['create', 'read'], subject: 'Referral', conditions: { fromOrgId: '${org.id}' } };
const RECEIVE_REFERRALS: RoleRule = { action: ['read', 'update'], subject: 'Referral', conditions: { toOrgId: '${org.id}' } };
/**
 * Cases referred to the organisation and accepted: read within `fields` (and only the groups each referral shared,
 * which the permission layer adds), and the workflow group updated for the receiver's own tasks.
 */
const receivedCases = (fields: string[]): RoleRule[] => [
  { action: 'read', subject: 'Case', fields, conditions: SHARED_WITH_ORG },
  { action: 'update', subject: 'Case', fields: ['workflow'], conditions: SHARED_WITH_ORG },
];

/** Case work on the cases matched by `conditions`; `fields` limits what is seen (all fields when omitted). */
const caseWork = (conditions: Record<string, unknown>, fields?: string[]): RoleRule[] => [
  { action: ['read', 'update', 'fire'], subject: 'Case', ...(fields ? { fields } : {}), conditions },
  { action: ['read', 'create', 'update'], subject: 'Submission', conditions },
];

export const ROLE_PRESETS: RolePreset[] = [
  {
    key: 'org-admin',
    scope: 'subtree',
    rules: [
      ...readDesign,
      { action: ['update'], subject: 'Organisation', fields: ['name', 'parameters', 'oidc'], conditions: { _id: '${org.id}' } },
      { action: 'manage', subject: 'User', conditions: { 'memberships.orgId': { $in: '${org.descendantIds}' } } },
      { action: 'manage', subject: 'Role', conditions: ORG_TREE },
      { action: 'read', subject: 'AuditEntry', conditions: ORG_TREE },
      { action: 'revoke', subject: 'Session', conditions: ORG_TREE },
      { action: 'manage', subject: ['Form', 'Workflow'], conditions: OWN_ORG },
      { action: 'clone', subject: ['FormTemplate', 'WorkflowTemplate'] },
      // Moving the organisation's running cases onto its own published workflow, without reading their files.
      { action: 'migrate', subject: 'Case', conditions: OWN_ORG },
    ],
  },
  {
    key: 'form-designer',
    rules: [
      ...readDesign,
      { action: ['create', 'read', 'update', 'delete', 'publish'], subject: 'Form', conditions: OWN_ORG },
      { action: 'clone', subject: 'FormTemplate' },
    ],
  },
  {
    // The municipal social worker who owns the case sees all of it, except the details of criminal proceedings.
    key: 'caseworker',
    rules: [
      ...readDesign,
      { action: ['create', 'assign', 'export'], subject: 'Case', conditions: OWN_ORG },
      ...caseWork(OWN_ORG, [
        'reference', 'orgId', 'assignees', 'workflow', 'alias', 'identity', 'safeAccommodation', 'narrative',
        'narrativeSummary', 'proceedingsSummary', 'integration', 'plan', 'consents', 'sharedWith',
      ]),
      SEND_REFERRALS,
      RECEIVE_REFERRALS,
      ...receivedCases(['reference', 'orgId', 'workflow', 'alias', 'identity', 'safeAccommodation', 'narrativeSummary', 'integration', 'plan', 'consents']),
    ],
  },
  {
    // NAS (Finland) / CMM (Denmark): everything on their own cases and on cases referred to them with consent.
    key: 'national-coordinator',
    rules: [
      ...readDesign,
      { action: ['create', 'assign', 'export'], subject: 'Case', conditions: OWN_ORG },
      ...caseWork(OWN_ORG),
      { action: 'read', subject: ['Case', 'Submission'], conditions: SHARED_WITH_ORG },
      { action: 'update', subject: 'Case', fields: ['workflow'], conditions: SHARED_WITH_ORG },
      SEND_REFERRALS,
      RECEIVE_REFERRALS,
      { action: 'manage', subject: 'Workflow', conditions: OWN_ORG },
    ],
  },
  {
    key: 'ngo-worker',
    rules: [
      ...readDesign,
      ...caseWork(MY_CASES, ['reference', 'orgId', 'assignees', 'workflow', 'alias', 'identity', 'narrative', 'integration', 'plan', 'consents']),
      { action: 'read', subject: 'Submission', fields: ['formPath', 'revision', 'caseId', 'data', 'restrictedData', 'confidentialData'], conditions: MY_CASES },
      // Referrals to the NGO (a municipality asking for peer support, legal help, a place) are seen in its inbox and
      // accepted or declined there; an accepted one shares the case with the NGO, whose workers then read what the
      // person's consent let the sender share (never the safe house's location or the criminal proceedings).
      RECEIVE_REFERRALS,
      ...receivedCases(['reference', 'orgId', 'workflow', 'alias', 'identity', 'narrativeSummary', 'integration', 'plan', 'consents']),
    ],
  },
  {
    key: 'shelter-worker',
    rules: [
      ...readDesign,
      { action: ['create'], subject: 'Case', conditions: OWN_ORG },
      ...caseWork(OWN_ORG, ['reference', 'orgId', 'assignees', 'workflow', 'alias', 'identity', 'safeAccommodation', 'narrativeSummary', 'integration', 'plan', 'consents']),
      { action: ['read', 'update'], subject: 'Case', fields: ['narrative'], conditions: MY_CASES },
      SEND_REFERRALS,
      RECEIVE_REFERRALS,
      ...receivedCases(['reference', 'orgId', 'workflow', 'alias', 'identity', 'safeAccommodation', 'narrativeSummary', 'integration', 'plan', 'consents']),
    ],
  },
  {
    key: 'legal-representative',
    rules: [
      ...readDesign,
      ...caseWork({ assignees: '${user.id}' }, [
        'reference', 'orgId', 'assignees', 'workflow', 'alias', 'identity', 'safeAccommodation', 'narrativeSummary',
        'criminalProceedings', 'proceedingsSummary', 'integration', 'plan', 'consents',
      ]),
    ],
  },
  {
    // Employment services see the person's name and what integration needs: never location, trauma or proceedings.
    key: 'employment-services',
    rules: [
      ...readDesign,
      { action: ['read', 'update'], subject: 'Case', fields: ['reference', 'alias', 'integration', 'plan'], conditions: SHARED_WITH_ORG },
      { action: ['read', 'create'], subject: 'Submission', fields: ['formPath', 'revision', 'caseId', 'data'], conditions: SHARED_WITH_ORG },
    ],
  },
  {
    key: 'iom-caseworker',
    rules: [
      ...readDesign,
      { action: ['create', 'assign', 'export'], subject: 'Case', conditions: OWN_ORG },
      ...caseWork(OWN_ORG, ['reference', 'orgId', 'assignees', 'workflow', 'alias', 'identity', 'narrative', 'integration', 'plan', 'consents']),
      { action: 'read', subject: 'Case', fields: ['reference', 'alias', 'identity', 'narrativeSummary', 'integration', 'plan'], conditions: SHARED_WITH_ORG },
      { action: 'read', subject: 'Case', fields: ['workflow', 'orgId'], conditions: SHARED_WITH_ORG },
      // The plan of a case referred for a return, with the grant's totals, printed for the reception partner.
      { action: 'export', subject: 'Case', conditions: SHARED_WITH_ORG },
      { action: 'update', subject: 'Case', fields: ['workflow'], conditions: SHARED_WITH_ORG },
      SEND_REFERRALS,
      RECEIVE_REFERRALS,
      // The programme's reintegration grant: kept on any case the caseworker may read; an increase is decided by
      // another person than the one who asked for it (four eyes).
      { action: ['create', 'read', 'update'], subject: 'ReintegrationGrant', conditions: OWN_ORG },
      { action: 'approve', subject: 'GrantIncrease', conditions: { orgId: '${org.id}', requestedBy: { $ne: '${user.id}' } } },
    ],
  },
  {
    // Assistance never depends on the police: the liaison sees a case only where the person consented to sharing
    // with the police, and then only its reference, proceedings and identity; submissions only without any
    // restricted or confidential value.
    key: 'police-liaison',
    rules: [
      { action: 'read', subject: 'Case', fields: ['reference', 'alias', 'identity', 'criminalProceedings'], conditions: POLICE_CONSENTED },
      { action: 'read', subject: 'Submission', fields: ['formPath', 'revision', 'caseId', 'data'], conditions: OWN_ORG },
    ],
  },
  {
    key: 'auditor',
    scope: 'subtree',
    rules: [
      ...readDesign,
      { action: 'read', subject: 'AuditEntry', conditions: ORG_TREE },
      // Users belong to organisations through their memberships (they have no orgId of their own): without this
      // condition the auditor could read no user, and the log could not say who did anything.
      { action: 'read', subject: 'User', conditions: { 'memberships.orgId': { $in: '${org.descendantIds}' } } },
      { action: 'read', subject: 'Role', conditions: ORG_TREE },
    ],
  },
];

/**
 * Which presets an organisation of each type starts with (it can clone any other later). Every type gets its
 * administrator, designer and auditor; the working roles follow who does the work in the field (DOMAIN.md).
 */
const COMMON_PRESETS = ['org-admin', 'form-designer', 'auditor'];
export const PRESETS_BY_ORGANISATION_TYPE: Record<string, string[]> = {
  international: [...COMMON_PRESETS, 'iom-caseworker'],
  national: [...COMMON_PRESETS, 'national-coordinator'],
  regional: [...COMMON_PRESETS, 'caseworker', 'employment-services'],
  municipality: [...COMMON_PRESETS, 'caseworker', 'legal-representative', 'employment-services', 'police-liaison'],
  ngo: [...COMMON_PRESETS, 'ngo-worker', 'legal-representative'],
  shelter: [...COMMON_PRESETS, 'shelter-worker', 'legal-representative'],
};

/** The scope a role cloned from this preset has unless it says otherwise. */
export function presetScope(key: string | null | undefined): RoleScope | undefined {
  return key ? ROLE_PRESETS.find((preset) => preset.key === key)?.scope : undefined;
}
