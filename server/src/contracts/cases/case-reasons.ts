// The reasons a person gives when a case ends or opens again: keys the page offers in words, kept in the timeline.
// Plain constants (no zod), so the client bundles them alone.

/** Why a case is ended (the `reason` of an event that ends it). */
export const CLOSE_REASONS = ['assistanceCompleted', 'personDeclined', 'movedAway', 'contactLost', 'referredElsewhere', 'other'] as const;
/** Why a closed case is opened again (never free text). */
export const REOPEN_REASONS = ['newInformation', 'personReturned', 'closedByMistake', 'other'] as const;
