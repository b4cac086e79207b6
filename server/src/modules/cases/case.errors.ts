import { AppError, badRequest, conflict } from '../../core/errors/app-error';
import type { EventInputProblem } from '../../contracts/workflows/event-option.types';

/** The errors of the cases module, one factory per code. */
export const workflowNotPublished = () => badRequest('workflow-not-published');
/** A jurisdiction (country of return) the case's workflow does not offer; `offered` lists those it does. */
export const jurisdictionNotOffered = (jurisdiction: string, offered: string[]) =>
  badRequest('jurisdiction-not-offered', { params: { jurisdiction, offered: offered.join(', ') }, extensions: { offered } });
export const planNotReadable = () => new AppError(403, 'plan-not-readable');
export const consentRequired = (recipient: string) => conflict('consent-required', { params: { recipient } });
/**
 * Sharing a case with the organisation that holds it. Sharing is a referral at once, so it is the referral's problem;
 * the case lists rely on it (a case never names its own organisation among those it is shared with, case-list-plan.ts).
 */
export const shareWithOwnOrganisation = () => badRequest('referral-to-own-organisation');
export const taskAlreadyDone = () => conflict('task-already-done');
/** A task the workflow gave another organisation (the receiver of a referral, or the case's owner): only its staff do it. */
export const taskOfAnotherOrganisation = () => new AppError(403, 'task-of-another-organisation');
/** An event the case's current stages do not take; `acceptedEvents` lists those they do. */
export const eventNotAccepted = (event: string, acceptedEvents: readonly string[]) =>
  conflict('event-not-accepted', { params: { event }, extensions: { event, acceptedEvents } });
/** An event that follows from another organisation's decision on a referral (the NAS admitting the person): only that decision fires it. */
export const eventDecidedByReferral = (event: string) => new AppError(403, 'event-decided-by-referral', { params: { event }, extensions: { event } });
/** Values entered with an event that are missing or outside their limits, each naming its input (`problems`). */
export const eventInputInvalid = (event: string, problems: readonly EventInputProblem[]) =>
  badRequest('event-input-invalid', { params: { event }, extensions: { event, problems } });
