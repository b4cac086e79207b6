// The audit module's test-support face: what only tests use. Tests check that a write left its audit entry by reading
// the stored trail, and build the entry a stopped process would have left. Other modules write through index.ts's
// audited-write path and read through findAuditEntries; the model stays off index.ts so that nothing else writes the
// trail directly. Lint lets only tests import this file.
export { auditModel } from './audit.model';
export { auditEntry } from './audit.service';
