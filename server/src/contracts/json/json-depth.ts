/**
 * The deepest nesting of arrays and objects the platform accepts in any JSON it is given: request bodies of the
 * API and of the Form.io-compatible API, imports and template files. The deepest shipped template
 * (forms/reimbursement-claim.json) nests 24 levels; a request wraps a definition in two or three more. Far below
 * what recursive code (ours, JSON.stringify, the BSON serializer, @formio/core) can walk without running out of
 * stack, which is some thousands of levels.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Thrown by the contract's recursive walkers on JSON nested deeper than MAX_JSON_DEPTH. It carries what the
 * server answers with (the translated 400 `json-too-deep`, which its error handler makes of it); the browser
 * never sees such JSON from the server, which refuses it first.
 */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly code = 'json-too-deep';
  readonly params = { limit: MAX_JSON_DEPTH };

  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.name = 'JsonTooDeepError';
  }
}

/** For recursive walkers: `depth` is how many levels the walk has descended; past the limit it throws. */
export function checkWalkDepth(depth: number): void {
  if (depth > MAX_JSON_DEPTH) throw new JsonTooDeepError();
}
