import { AppError, badRequest, conflict } from '../../core/errors/app-error';

/** The errors of the cases module, one factory per code. */
export const workflowNotPublished = () => badRequest('workflow-not-published');
export const planNotReadable = () => new AppError(403, 'plan-not-readable');
export const consentRequired = (recipient: string) => conflict('consent-required', { params: { recipient } });
export const taskAlreadyDone = () => conflict('task-already-done');
/** An event the case's current stages do not take; `acceptedEvents` lists those they do. */
export const eventNotAccepted = (event: string, acceptedEvents: readonly string[]) =>
  conflict('event-not-accepted', { params: { event }, extensions: { event, acceptedEvents } });
