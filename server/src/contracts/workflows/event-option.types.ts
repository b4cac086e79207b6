/**
 * An event a person can take on a case now, with the data to send with it (`{ stop: 'legalAssistance' }` for one
 * service track): the server works these out from the active stages' guards, the client shows them as buttons.
 */
export interface EventOption {
  type: string;
  data: Record<string, string | number | boolean>;
  /** What the person enters with the event (a decision date, the new end of a period, a name), with its limits. */
  inputs?: EventInput[];
}

/**
 * A value entered when firing an event, declared by the transition's `record-date` or `record-text` action. `min` and
 * `max` are calendar days (`2025-07-03`) worked out on the server from the case's dates and the jurisdiction's
 * parameters. Labels are `workflows:<workflow>.inputs.<name>`.
 */
export interface EventInput {
  name: string;
  kind: 'date' | 'text';
  min?: string;
  max?: string;
  maxLength?: number;
}

/** Why an entered value was refused: missing, not a date, or outside its limits (`limit` is the day it must respect). */
export interface EventInputProblem {
  /** `data/<name>`: where the value was sent. */
  path: string;
  name: string;
  code: 'required' | 'invalid' | 'too-early' | 'too-late' | 'too-long';
  limit?: string | number;
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

/**
 * An event whose transition refers the case to another organisation (the workflow's `refer` action): the consent key
 * the referral rests on and its purpose. The case page asks for the groups to share and a message when it is fired.
 */
export interface ReferralEventOption {
  event: string;
  recipient: string;
  purpose: 'service' | 'transfer';
}
