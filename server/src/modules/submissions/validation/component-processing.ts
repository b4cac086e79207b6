import {
  Utils,
  type Component,
  type ComponentPaths,
  type DataObject,
  type Form,
  type LocalRoot,
  type ProcessorInfo,
  type Submission,
} from '@formio/core';
import get from 'lodash/get';
import set from 'lodash/set';

const { eachComponentData, getModelType } = Utils;

/** What the server hands to `processFormSync`: the top-level context of core's `processSync`, nothing else. */
export interface FormProcessContext<Scope> {
  form: Form;
  submission: Submission;
  components: Component[];
  data: DataObject;
  processors: ProcessorInfo<any, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- core's own type
  scope: Scope & { filtered?: DataObject; noRecurse?: boolean };
}

/**
 * @formio/core's `processSync`, with the same traversal (core's `eachComponentData`), the same processors in the
 * same order and the same context properties per component, but without its two costs that do not depend on the
 * form: core builds each component's context by copying the whole context and then turns `value` into a property
 * with `Object.defineProperty`, which leaves the object in V8's slow dictionary mode, so every later copy (one per
 * validation rule) and read is slow. Measured on the 60-field form: those copies were a third of validation time.
 * Here each component's context is an object literal of a fixed shape whose `value` reads and writes the data
 * exactly as core's `contextValue` does. `component-processing.test.ts` checks that both give the same data,
 * errors, conditionals and components on every template and fixture form.
 */
export function processFormSync<Scope>(context: FormProcessContext<Scope>): FormProcessContext<Scope>['scope'] {
  const { components, data, scope, processors } = context;
  const visit =
    (phase: 'pre' | 'post') =>
    (
      component: Component,
      compData: DataObject,
      row: unknown,
      path: string,
      siblings: Component[] | undefined,
      index: number | undefined,
      parent: Component | null | undefined,
      paths: ComponentPaths | undefined,
      localRoot: LocalRoot | undefined,
    ): true | undefined => {
      const place: ComponentPlace = { component, compData, row, path, siblings, index, parent, paths, localRoot };
      if (phase === 'post') {
        // One context for the post processors, as in core; its value is read again before each of them.
        let reading: ReturnType<typeof readingContext> | undefined;
        for (const processor of processors) {
          if (!processor.postProcessSync) continue;
          if (reading) reading.value = currentValue(place);
          else reading = readingContext(context, place);
          processor.postProcessSync(reading);
        }
        return undefined;
      }
      const componentContext = writingContext(context, place);
      for (const processor of processors) processor.processSync?.(componentContext);
      if (scope.noRecurse) {
        scope.noRecurse = false;
        return true;
      }
      return undefined;
    };
  eachComponentData(components, data, visit('pre'), false, false, undefined, undefined, false, visit('post'));
  if (scope.filtered) context.data = scope.filtered;
  return scope;
}

interface ComponentPlace {
  component: Component;
  compData: DataObject;
  row: unknown;
  path: string;
  siblings: Component[] | undefined;
  index: number | undefined;
  parent: Component | null | undefined;
  paths: ComponentPaths | undefined;
  localRoot: LocalRoot | undefined;
}

// Core's `contextValue`: the component's value in the data, none for layout and content components.
function dataPathOf(place: ComponentPlace): string | undefined {
  const { component, paths, path } = place;
  const modelType = getModelType(component);
  return component.type && modelType !== 'none' && modelType !== 'content' ? paths?.dataPath || path : undefined;
}

// The same properties, in the same order, as core's per-component context (process.js and processOne.js).
// Processors that change the value (default, calculate, normalize, clear hidden) write it through `value`.
function writingContext<Scope>(base: FormProcessContext<Scope>, place: ComponentPlace) {
  // Written out rather than spread from a shared object: a literal of fixed shape is several times faster to build.
  return {
    form: base.form,
    submission: base.submission,
    components: place.siblings,
    data: place.compData,
    processors: base.processors,
    scope: base.scope,
    component: place.component,
    path: place.path,
    paths: place.paths,
    row: place.row,
    index: place.index,
    instance: undefined,
    parent: place.parent,
    localRoot: place.localRoot,
    get value(): unknown {
      const dataPath = dataPathOf(place);
      return dataPath === undefined ? undefined : get(this.data, dataPath);
    },
    set value(next: unknown) {
      const dataPath = dataPathOf(place);
      if (dataPath !== undefined) set(this.data, dataPath, next);
    },
    processor: 'custom',
  };
}

function currentValue(place: ComponentPlace): unknown {
  const dataPath = dataPathOf(place);
  return dataPath === undefined ? undefined : get(place.compData, dataPath);
}

// The post processors (filter, validate) only read the value, but the filter may set a number's data to null
// before validation runs; so each one gets the value as it is when it starts, as a plain property. Validation
// copies its context once per rule, and a copy of an object with an accessor is V8's slow path.
function readingContext<Scope>(base: FormProcessContext<Scope>, place: ComponentPlace) {
  return {
    form: base.form,
    submission: base.submission,
    components: place.siblings,
    data: place.compData,
    processors: base.processors,
    scope: base.scope,
    component: place.component,
    path: place.path,
    paths: place.paths,
    row: place.row,
    index: place.index,
    instance: undefined,
    parent: place.parent,
    localRoot: place.localRoot,
    value: currentValue(place),
    processor: 'custom',
  };
}
