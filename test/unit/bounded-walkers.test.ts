import { walkComponents } from '../../server/src/contracts/forms/component-walker';
import { listStages } from '../../server/src/contracts/workflows/stage-tree.util';
import { cloneJson } from '../../server/src/core/json/json-guards';
import { deepArray, deepPanels, describeBoundedWalkers, nest } from '../helpers/deep-json';

// Issue 13 (see test/helpers/deep-json.ts): the core's and the shared contract's walkers. Each module checks its own
// beside them, in server/src/modules/<module>/bounded-walkers.test.ts.
describeBoundedWalkers([
  ['walkComponents', () => [...walkComponents(deepPanels())]],
  ['cloneJson', () => cloneJson(deepArray())],
  ['listStages', () => listStages({ stages: { s: nest({ type: 'final' }, (inner) => ({ type: 'compound', initial: 's', stages: { s: inner } })) } } as never)],
]);
