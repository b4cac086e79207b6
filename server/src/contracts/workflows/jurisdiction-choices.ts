import type { WorkflowDefinition } from './workflow-definition.schemas';

/** The jurisdictions a case of this workflow may run under, its default first (countries of return of a programme). */
export function offeredJurisdictions(def: Pick<WorkflowDefinition, 'jurisdiction' | 'jurisdictions'>): string[] {
  return [...new Set([def.jurisdiction, ...(def.jurisdictions ?? [])])];
}
