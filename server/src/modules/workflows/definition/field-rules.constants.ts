/*
 * The rules of the field, as the validator checks them on every workflow (templates and municipal clones alike).
 * Assistance is never conditional on cooperating with the police (CoE Convention art. 12(6), Directive 2011/36
 * art. 11(3)); consent is given per recipient; a child or a person of uncertain age is presumed a child.
 */

/** A guard variable whose path matches this is about police cooperation, reporting or proceedings: forbidden. */
export const POLICE_COOPERATION_PATTERN = /police|cooperat|report|prosecut|criminal|testimon|witness|proceeding/i;

/** Presumed a child: under 18 (computed on the server) or age uncertain. */
export const PRESUMED_CHILD = {
  or: [{ var: 'case.person.isChild' }, { var: 'case.person.ageUncertain' }],
};

/**
 * A plan of assistance is approved only when the person is not presumed a child, or a legal representative has been
 * appointed. Transitions out of a stage marked `planApproval` must include exactly this clause (alone or in an `and`).
 */
export const LEGAL_REPRESENTATIVE_CLAUSE = {
  or: [
    { '!': PRESUMED_CHILD },
    { '==': [{ var: 'submissions.child-welfare.legalRepresentativeAppointed' }, true] },
  ],
};

export function consentVariable(recipient: string): string {
  return `case.consents.${recipient}.given`;
}
