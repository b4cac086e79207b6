import { apiRoutes } from '../../../core/openapi/api-route';
import { DisbursementSchema, GrantDecisionSchema, GrantIncreaseSchema, OpenGrantSchema } from '../../../contracts/cases/grant.schemas';

/** The reintegration grant of a return programme (seed 003), kept by the organisation that runs the programme. */
export const grantApi = apiRoutes('grants', [
  {
    method: 'get', path: '/api/cases/:id/grant',
    summary: "The case's reintegration grant with its totals (granted, increases approved, disbursed, remaining), or null with the countries of return whose programme sets a grant",
    responses: { 200: 'GrantAnswer', 404: 'No such case, or no grant rules for this user' },
  },
  {
    method: 'post', path: '/api/cases/:id/grant', body: OpenGrantSchema, bodyName: 'OpenGrant',
    summary: "Open the grant under a country of return's programme: the amount per beneficiary is that programme's parameter `reintegrationGrant`",
    responses: { 201: 'GrantView', 400: 'Invalid input, or the country sets no grant (`grant-no-programme`)', 403: 'No right to open grants', 409: 'Already opened (`grant-already-opened`)' },
  },
  {
    method: 'post', path: '/api/cases/:id/grant/disbursements', body: DisbursementSchema, bodyName: 'Disbursement',
    summary: 'Record a disbursement (amount, currency, date, purpose, optionally the goal of the plan it serves)',
    responses: {
      201: 'GrantView',
      400: 'Invalid input (negative amount, another currency `grant-currency-mismatch`, unknown plan goal `grant-plan-goal-unknown`)',
      403: 'No right to change the grant',
      409: 'More than remains (`grant-exceeded`), no grant opened (`grant-not-opened`), or a concurrent change',
    },
  },
  {
    method: 'post', path: '/api/cases/:id/grant/increases', body: GrantIncreaseSchema, bodyName: 'GrantIncrease',
    summary: 'Ask for an increase of the grant with its reason; a second person decides',
    responses: { 201: 'GrantView', 400: 'Invalid input', 403: 'No right to change the grant', 409: "The programme's grant cannot be increased (`grant-not-increasable`)" },
  },
  {
    method: 'post', path: '/api/cases/:id/grant/increases/:increaseId/decision', body: GrantDecisionSchema, bodyName: 'GrantDecision',
    summary: 'Approve or decline an increase: four eyes, the person who asked for it cannot decide',
    responses: { 200: 'GrantView', 403: 'The requester deciding (`grant-four-eyes`) or no right to decide', 409: 'Already decided (`grant-increase-already-decided`)' },
  },
]);
