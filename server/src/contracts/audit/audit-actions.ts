/**
 * Every action the audit log records (the `action` of recordAudit and auditedWrite across the server), so that the
 * log's reader can choose one from a list and read each in words (`audit.actions.<action>` in common.json).
 */
export const AUDIT_ACTIONS = [
  'login', 'login-oidc', 'logout', 'set-password', 'unlock', 'revoke-sessions',
  'create', 'read', 'update', 'delete', 'export', 'share', 'refer', 'accept', 'decline', 'reopen', 'fire',
  'submit', 'update-submission', 'delete-submission', 'person-view-start', 'person-view-end',
  'open-grant', 'disburse-grant', 'request-grant-increase', 'approve-grant-increase', 'decline-grant-increase',
  'clone', 'publish', 'merge', 'migrate',
  // At start: a role made from a preset given the preset's new rules, or left with its edited ones (role-preset-upgrade.ts).
  'preset-upgrade', 'preset-upgrade-skipped',
] as const;

/** The kinds of record the log names (`audit.types.<type>` in common.json). */
export const AUDIT_SUBJECT_TYPES = [
  'Session', 'User', 'Role', 'Organisation', 'Case', 'Submission', 'Form', 'FormTemplate', 'Workflow', 'Referral', 'ReintegrationGrant',
] as const;
