/**
 * An event a person can take on a case now, with the data to send with it (`{ stop: 'legalAssistance' }` for one
 * service track): the server works these out from the active stages' guards, the client shows them as buttons.
 */
export interface EventOption {
  type: string;
  data: Record<string, string | number | boolean>;
}
