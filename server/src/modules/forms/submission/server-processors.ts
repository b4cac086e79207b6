import {
  calculateProcessInfo,
  clearHiddenProcessInfo,
  conditionProcessInfo,
  defaultValueProcessInfo,
  filterProcessInfo,
  logicProcessInfo,
  normalizeProcessInfo,
  postValidateProcessInfo,
  type ProcessContext,
} from '@formio/core';

/**
 * The processors the server runs, in core's own `Processors` order, minus three:
 * - `fetch`: a datasource component would make the server request any URL in the definition (SSRF);
 * - `dereference`: needs a database adapter we do not give core;
 * - `serverOverride`: lets a definition rewrite its components on the server only, which makes the server's
 *   behaviour differ from what the builder shows.
 * `postValidate` runs the full rule set (`rules`); core's deprecated `ProcessTargets.submission` validates only
 * `serverRules` (unique, captcha...) and would skip required, lengths, min/max and patterns. `calculate` is
 * included so that calculated values are recomputed here rather than taken from the client.
 */
// Core types processors loosely; borrow its own type for the list rather than spelling out `any`.
export const SERVER_PROCESSORS: ProcessContext<unknown>['processors'] = [
  filterProcessInfo,
  defaultValueProcessInfo,
  calculateProcessInfo,
  conditionProcessInfo,
  logicProcessInfo,
  normalizeProcessInfo,
  clearHiddenProcessInfo,
  postValidateProcessInfo,
];
