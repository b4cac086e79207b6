import { deepArray, deepObject, deepPanels, describeBoundedWalkers, nest } from '../../../../test/helpers/deep-json';
import { copyDataPath, hasDataAt, removeDataPath, unstorableKeys, valuesAt } from './service/data-paths';
import { dataComponents, walkData } from './validation/data-walker';
import { hasUnsafeKeys } from './validation/value-type-rules';

// Issue 13 (see test/helpers/deep-json.ts): the submissions module's walkers of submission data.
describeBoundedWalkers([
  ['hasUnsafeKeys', () => hasUnsafeKeys(deepObject())],
  ['unstorableKeys', () => unstorableKeys(deepObject())],
  ['removeDataPath (rows in rows)', () => removeDataPath(deepArray(), 'a')],
  ['hasDataAt (rows in rows)', () => hasDataAt(deepArray(), 'a')],
  ['hasDataAt (a deep value)', () => hasDataAt({ a: deepObject() }, 'a')],
  ['valuesAt', () => valuesAt(deepArray(), 'a')],
  ['copyDataPath', () => copyDataPath({ a: deepArray() }, { a: deepArray() }, 'a.b')],
  ['dataComponents', () => [...dataComponents(deepPanels())]],
  [
    'walkData',
    () => {
      const components = [nest({ type: 'textfield', key: 't', input: true }, (inner) => ({ type: 'container', key: 'c', input: true, components: [inner] }))];
      walkData(components, deepObject('c') as Record<string, unknown>, () => undefined);
    },
  ],
]);
