/**
 * Recipients the Consents panel asks about on every case, whether or not a workflow or the consent form named them
 * yet. They are option values of the consent form's `recipient` column (the key the `consents` binding writes and
 * the workflows' guards read as `case.consents.<recipient>`), so the panel and the form speak of the same consent.
 */
export const ALWAYS_ASKED_CONSENT_RECIPIENTS = ['nas', 'cmm', 'police', 'family-tracing'] as const;
