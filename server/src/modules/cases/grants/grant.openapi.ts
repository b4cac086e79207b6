import { apiRoutes, json } from '../../../core/openapi/api-route';
import {
  DisbursementSchema, ExchangeRateSchema, ExchangeRatesAnswerSchema, GrantAnswerSchema, GrantDecisionSchema, GrantIncreaseSchema, GrantViewSchema, OpenGrantSchema,
} from '../../../contracts/cases/grant.schemas';

/** The reintegration grant of a return programme (seed 003), kept by the organisation that runs the programme. */
export const grantApi = apiRoutes('grants', [
  {
    method: 'get', path: '/api/cases/:id/grant',
    summary: "The case's reintegration grant with its totals in minor units (granted, increases, disbursed, remaining; what was paid per currency), or null with the programme of the case's country of return",
    responses: { 200: json('The grant, or the programme it would be opened under', GrantAnswerSchema, 'GrantAnswer'), 404: 'No such case, or no grant rules for this user' },
  },
  {
    method: 'post', path: '/api/cases/:id/grant', body: OpenGrantSchema, bodyName: 'OpenGrant',
    summary: "Open the grant under the programme of the case's country of return (recorded by its return form): the amount per beneficiary is that programme's parameter `reintegrationGrant`",
    responses: {
      201: json('The grant', GrantViewSchema, 'GrantView'), 400: 'Invalid input', 403: 'No right to open grants',
      409: 'Already opened (`grant-already-opened`), no country of return recorded (`grant-no-return-country`), or its programme sets no grant (`grant-no-programme`)',
    },
  },
  {
    method: 'post', path: '/api/cases/:id/grant/disbursements', body: DisbursementSchema, bodyName: 'Disbursement',
    summary: "Record a disbursement in minor units of the country of return's currency (converted to the grant's at the programme's rate in force on its date) or of the grant's own",
    responses: {
      201: json('The grant', GrantViewSchema, 'GrantView'),
      400: 'Invalid input (not a positive whole number of minor units, another currency `grant-currency-mismatch`, unknown plan goal `grant-plan-goal-unknown`)',
      403: 'No right to change the grant',
      409: 'More than remains (`grant-exceeded`), no rate in force on that day (`grant-no-exchange-rate`), no grant opened (`grant-not-opened`), or a concurrent change',
    },
  },
  {
    method: 'post', path: '/api/cases/:id/grant/increases', body: GrantIncreaseSchema, bodyName: 'GrantIncrease',
    summary: "Ask for an increase of the grant (minor units of the grant's currency) with its reason; a second person decides",
    responses: {
      201: json('The grant', GrantViewSchema, 'GrantView'), 400: 'Invalid input', 403: 'No right to change the grant',
      409: "The country's programme does not let the grant grow (`grant-not-increasable`) or not this far (`grant-increase-above-limit`)",
    },
  },
  {
    method: 'post', path: '/api/cases/:id/grant/increases/:increaseId/decision', body: GrantDecisionSchema, bodyName: 'GrantDecision',
    summary: 'Approve or decline an increase: four eyes, the person who asked for it cannot decide',
    responses: { 200: json('The grant', GrantViewSchema, 'GrantView'), 403: 'The requester deciding (`grant-four-eyes`) or no right to decide', 409: 'Already decided (`grant-increase-already-decided`)' },
  },
  {
    method: 'get', path: '/api/organisations/:id/exchange-rates',
    summary: "The return programme's exchange rates (the organisation's parameter `exchangeRates`), each with the day it applies from, and whether this user may add one",
    responses: { 200: json('The exchange rates', ExchangeRatesAnswerSchema, 'ExchangeRates'), 404: 'No such organisation for this user' },
  },
  {
    method: 'post', path: '/api/organisations/:id/exchange-rates', body: ExchangeRateSchema, bodyName: 'ExchangeRate',
    summary: "Add an exchange rate (units of the local currency for one unit of the grant's, as decimal text) with the day it applies from; a later entry for the same day corrects an earlier one",
    responses: { 201: json('The exchange rates', ExchangeRatesAnswerSchema, 'ExchangeRates'), 400: 'Invalid input', 403: "No right to edit the organisation's parameters", 404: 'No such organisation for this user' },
  },
]);
