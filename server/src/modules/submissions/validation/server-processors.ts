import {
  calculateProcessInfo,
  clearHiddenProcessInfo,
  defaultValueProcessInfo,
  filterProcessInfo,
  logicProcessInfo,
  normalizeProcessInfo,
  postValidateProcessInfo,
  type Component,
  type ProcessorInfo,
} from '@formio/core';
import { conditionsProcessorFor } from './condition-lookup';

/**
 * The processors the server runs, in core's own `Processors` order, minus three:
 * - `fetch`: a datasource component would make the server request any URL in the definition (SSRF);
 * - `dereference`: needs a database adapter we do not give core;
 * - `serverOverride`: lets a definition rewrite its components on the server only, which makes the server's
 *   behaviour differ from what the builder shows.
 * `postValidate` runs the full rule set (`rules`); core's deprecated `ProcessTargets.submission` validates only
 * `serverRules` (unique, captcha...) and would skip required, lengths, min/max and patterns. `calculate` is
 * included so that calculated values are recomputed here rather than taken from the client. `conditions` is core's,
 * searching a pruned copy of the components being processed (condition-lookup.ts); `definition` is the stored tree
 * those components were copied from, by which that processor remembers what it needs of a form.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- core types processors this loosely
export const serverProcessors = (components: readonly Component[], definition: readonly Component[]): ProcessorInfo<any, any>[] => [
  filterProcessInfo,
  defaultValueProcessInfo,
  calculateProcessInfo,
  conditionsProcessorFor(components, definition),
  logicProcessInfo,
  normalizeProcessInfo,
  clearHiddenProcessInfo,
  postValidateProcessInfo,
];
