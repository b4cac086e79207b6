/**
 * An event a person can take on a case now, with the data to send with it (`{ stop: 'legalAssistance' }` for one
 * service track): the server works these out from the active stages' guards, the client shows them as buttons.
 */
export interface EventOption {
  type: string;
  data: Record<string, string | number | boolean>;
}

/**
 * Why an event of an active stage cannot be taken now, read from the definition as data: the forms the stage still
 * requires, the consents its guard asks for (`case.consents.<recipient>.given`), the forms whose answers it reads
 * (`submissions.<form>.…`), or another condition of the case.
 */
export type BlockReason =
  | { kind: 'forms'; forms: string[] }
  | { kind: 'consent'; recipient: string }
  | { kind: 'answer'; form: string }
  | { kind: 'condition' };

/** An event the active stages have but cannot take now, with the reasons. */
export interface BlockedEvent {
  type: string;
  reasons: BlockReason[];
}
