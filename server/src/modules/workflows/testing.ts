// The workflows module's test-support face: what only tests use. The workflow fixtures and the template walker
// (test/helpers) build definitions with the module's own guard clauses and run the shipped templates with their
// jurisdictions' parameters; a test reads a published version back from storage. Cases runs workflows through
// index.ts and never needs these; lint lets only tests import this file.
export { LEGAL_REPRESENTATIVE_CLAUSE, PRESUMED_CHILD } from './definition/field-rules.constants';
export { jurisdictionParameterValues } from './jurisdictions/jurisdiction-parameters';
export { findWorkflowVersion } from './storage/definition-keys';
export { loadJurisdictions } from './templates/workflow-template.loader';
