import type { Organisation, OrganisationType } from '../tenants';

/**
 * Which access roles (role keys) act in which workflow role, by organisation type: the workflows name roles in the
 * case (`nasCoordinator`, `caseOwner`), organisations name roles of their staff. An organisation's own
 * `workflowRoles` is merged over these.
 */
export const DEFAULT_WORKFLOW_ROLES: Record<OrganisationType, Record<string, string[]>> = {
  municipality: {
    caseOwner: ['caseworker'],
    childWelfareWorker: ['caseworker'],
    legalRepresentative: ['legal-representative'],
    employmentServices: ['employment-services'],
  },
  regional: { caseOwner: ['caseworker'], elyCentre: ['caseworker'], employmentServices: ['employment-services'] },
  national: {
    caseOwner: ['national-coordinator'],
    nasCoordinator: ['national-coordinator'],
    cmmCoordinator: ['national-coordinator'],
    contactPerson: ['national-coordinator'],
  },
  international: { caseOwner: ['iom-caseworker'], iomCaseworker: ['iom-caseworker'], receptionPartner: ['iom-caseworker'] },
  ngo: { caseOwner: ['ngo-worker'], ngoWorker: ['ngo-worker'], legalRepresentative: ['legal-representative'] },
  shelter: {
    caseOwner: ['shelter-worker'],
    shelterCaseManager: ['shelter-worker'],
    counsellor: ['shelter-worker'],
    legalRepresentative: ['legal-representative'],
  },
};

/** The workflow roles a holder of `roleKey` acts in at this organisation. */
export function workflowRolesOf(org: Pick<Organisation, 'type' | 'workflowRoles'>, roleKey: string): Set<string> {
  const map = { ...DEFAULT_WORKFLOW_ROLES[org.type], ...(org.workflowRoles ?? {}) };
  return new Set(Object.entries(map).filter(([, keys]) => keys.includes(roleKey)).map(([role]) => role));
}

/** The access role keys that act in `workflowRole` at this organisation. */
export function accessRolesFor(org: Pick<Organisation, 'type' | 'workflowRoles'>, workflowRole: string): string[] {
  return { ...DEFAULT_WORKFLOW_ROLES[org.type], ...(org.workflowRoles ?? {}) }[workflowRole] ?? [];
}
