import { AppError, badRequest, conflict } from '../../../core/errors/app-error';

/** The errors of the reintegration grant, one factory per code. */
export const grantNotOpened = () => conflict('grant-not-opened');
export const grantAlreadyOpened = () => conflict('grant-already-opened');
/** The country's programme sets no grant (or the country has no programme at all). */
export const grantNoProgramme = (country: string) => badRequest('grant-no-programme', { params: { country } });
export const grantCurrencyMismatch = (currency: string, expected: string) =>
  badRequest('grant-currency-mismatch', { params: { currency, expected }, extensions: { expected } });
/** A disbursement larger than what is left of the grant and its approved increases. */
export const grantExceeded = (remaining: string) => conflict('grant-exceeded', { params: { remaining }, extensions: { remaining } });
export const grantPlanGoalUnknown = (goal: string) => badRequest('grant-plan-goal-unknown', { params: { goal } });
export const grantIncreaseNotIncreasable = (country: string) => conflict('grant-not-increasable', { params: { country } });
export const grantIncreaseAlreadyDecided = () => conflict('grant-increase-already-decided');
/** The person who asked for an increase tries to decide on it: someone else must (four eyes). */
export const grantFourEyes = () => new AppError(403, 'grant-four-eyes');
