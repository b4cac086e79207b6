import { deepObject, describeBoundedWalkers } from '../../../../test/helpers/deep-json';
import { checkRule } from './rule.schemas';

// Issue 13 (see test/helpers/deep-json.ts): the role rules' own recursive check (the other access walkers sit behind
// the body limit).
describeBoundedWalkers([
  ['checkRule conditions', () => checkRule({ action: 'read', subject: 'Case', conditions: { status: deepObject('$in') } }, 'rules[0]')],
]);
