import { AppError, badRequest, conflict } from '../../../core/errors/app-error';

/** The errors of the reintegration grant, one factory per code. */
export const grantNotOpened = () => conflict('grant-not-opened');
export const grantAlreadyOpened = () => conflict('grant-already-opened');
/** The case's return form records no country of return (or one the platform has no parameters for). */
export const grantNoReturnCountry = () => conflict('grant-no-return-country');
/** The country's programme sets no grant (or the country has no programme at all). */
export const grantNoProgramme = (country: string) => conflict('grant-no-programme', { params: { country } });
export const grantCurrencyMismatch = (currency: string, expected: string[]) =>
  badRequest('grant-currency-mismatch', { params: { currency, expected: expected.join(', ') }, extensions: { expected } });
/** A disbursement in the local currency on a day before the programme's first rate for it. */
export const grantNoExchangeRate = (currency: string, base: string, date: string) =>
  conflict('grant-no-exchange-rate', { params: { currency, base, date }, extensions: { currency, base, date } });
/** A disbursement larger than what is left of the grant and its approved increases. */
export const grantExceeded = (remaining: string) => conflict('grant-exceeded', { params: { remaining }, extensions: { remaining } });
export const grantPlanGoalUnknown = (goal: string) => badRequest('grant-plan-goal-unknown', { params: { goal } });
export const grantIncreaseNotIncreasable = (country: string) => conflict('grant-not-increasable', { params: { country } });
/** Increases together (approved, pending and this one) would exceed what the country's programme allows. */
export const grantIncreaseAboveLimit = (limit: string, left: string) =>
  conflict('grant-increase-above-limit', { params: { limit, left }, extensions: { limit, left } });
export const grantIncreaseAlreadyDecided = () => conflict('grant-increase-already-decided');
/** The person who asked for an increase tries to decide on it: someone else must (four eyes). */
export const grantFourEyes = () => new AppError(403, 'grant-four-eyes');
