import type { GrantProgramme } from '../../../contracts/cases/grant.schemas';
import type { CaseRuntime } from '../service/case-runtime';
import type { CaseRecord } from '../storage/case.model';
import { moneyParameter } from './grant-money';

/**
 * The return programme of a country of return, from that country's parameters (with the organisation's own over
 * them): what it grants per beneficiary, in which currency it pays out locally, and whether and how far the grant
 * may grow. Seed 003 gives Hungary's (CHF 1,500, increasable on the reintegration plan); the others set no grant.
 */
export async function programmeOf(rt: CaseRuntime, orgId: CaseRecord['orgId'], country: string): Promise<GrantProgramme | null> {
  const params = await rt.catalog.parameters(orgId, country);
  const granted = moneyParameter(params.reintegrationGrant);
  if (!granted || granted.minor <= 0) return null;
  const limit = moneyParameter(params.reintegrationGrantIncreaseMax);
  const local = typeof params.localCurrency === 'string' && /^[A-Z]{3}$/.test(params.localCurrency) ? params.localCurrency : null;
  return {
    country,
    amountMinor: granted.minor,
    currency: granted.currency,
    localCurrency: local,
    increasable: params.reintegrationGrantIncreasable === true,
    // A limit in another currency than the grant's cannot be compared: it is taken as no limit set.
    increaseMaxMinor: limit && limit.currency === granted.currency ? limit.minor : null,
  };
}

/**
 * The case's country of return as a jurisdiction code: what its return form recorded (`plan.returnCountry`, fed by
 * the workflow's binding), when the platform has that country's parameters. Null when not recorded, not a country
 * of which there are parameters, or not readable by this user (then the projection left the plan out).
 */
export function returnCountryOf(rt: CaseRuntime, record: Pick<CaseRecord, 'plan'>): string | null {
  const code = record.plan?.returnCountry?.toLowerCase();
  return code && rt.catalog.hasJurisdiction(code) ? code : null;
}
