import { JsonTooDeepError, MAX_JSON_DEPTH } from '../json/json-depth';
import { ancestorsOf, childKey, childStages, listStages, listTransitions, resolveTarget, stageIndex } from './stage-tree.util';
import type { Stage, WorkflowDefinition } from './workflow-definition.schemas';

// The stage tree the server validates and runs definitions with, and the client draws and edits them with.
const def: Pick<WorkflowDefinition, 'stages'> = {
  stages: {
    intake: { type: 'atomic', on: { accept: [{ target: 'services' }], decline: [{ target: 'closed', guard: true }] }, always: [{ target: 'closed', guard: false }] },
    services: {
      type: 'parallel',
      regions: {
        legal: {
          type: 'compound',
          initial: 'open',
          stages: { open: { type: 'atomic', on: { finish: [{ target: 'done' }], abandon: [{ target: 'closed' }], jump: [{ target: 'housing/open' }] } }, done: { type: 'final' } },
        },
        housing: { type: 'compound', initial: 'open', stages: { open: { type: 'atomic' }, done: { type: 'final' } }, onDone: [{ target: 'nowhere' }] },
      },
      onDone: [{ target: 'closed' }],
    },
    closed: { type: 'final' },
  },
};

describe('stage tree', () => {
  it('lists every stage depth first, parents before children, with its path and JSON pointer', () => {
    expect(listStages(def).map(({ path, pointer, parentPath }) => [path, pointer, parentPath])).toEqual([
      ['intake', '/stages/intake', null],
      ['services', '/stages/services', null],
      ['services/legal', '/stages/services/regions/legal', 'services'],
      ['services/legal/open', '/stages/services/regions/legal/stages/open', 'services/legal'],
      ['services/legal/done', '/stages/services/regions/legal/stages/done', 'services/legal'],
      ['services/housing', '/stages/services/regions/housing', 'services'],
      ['services/housing/open', '/stages/services/regions/housing/stages/open', 'services/housing'],
      ['services/housing/done', '/stages/services/regions/housing/stages/done', 'services/housing'],
      ['closed', '/stages/closed', null],
    ]);
  });

  it('knows where a stage keeps its children', () => {
    const services = def.stages.services!;
    expect(childKey(services)).toBe('regions');
    expect(Object.keys(childStages(services))).toEqual(['legal', 'housing']);
    const legal = childStages(services).legal!;
    expect(childKey(legal)).toBe('stages');
    expect(childKey({ type: 'atomic' })).toBeNull();
    expect(childStages({ type: 'final' })).toEqual({});
  });

  it('resolves a target like lexical scope: a sibling first, then a sibling of each ancestor; a path may go deeper', () => {
    const index = stageIndex(def);
    expect(resolveTarget(index, 'services/legal/open', 'done')).toBe('services/legal/done');
    expect(resolveTarget(index, 'services/legal/open', 'closed')).toBe('closed');
    expect(resolveTarget(index, 'services/legal/open', 'housing/open')).toBe('services/housing/open');
    expect(resolveTarget(index, 'intake', 'services')).toBe('services');
    expect(resolveTarget(index, 'services/housing', 'nowhere')).toBeNull();
    // A stage's own children are not its siblings.
    expect(resolveTarget(index, 'services', 'legal')).toBeNull();
  });

  it('lists a stage transitions with their trigger and pointer, events before always before done', () => {
    const index = stageIndex(def);
    const of = (path: string) => listTransitions(index.get(path)!).map(({ trigger, pointer }) => [trigger.kind === 'event' ? trigger.event : trigger.kind, pointer]);
    expect(of('intake')).toEqual([
      ['accept', '/stages/intake/on/accept/0'],
      ['decline', '/stages/intake/on/decline/0'],
      ['always', '/stages/intake/always/0'],
    ]);
    expect(of('services')).toEqual([['done', '/stages/services/onDone/0']]);
    expect(of('closed')).toEqual([]);
  });

  it('names the ancestors of a path, nearest first', () => {
    expect(ancestorsOf('a/b/c')).toEqual(['a/b', 'a']);
    expect(ancestorsOf('a')).toEqual([]);
  });

  it('refuses a tree nested deeper than any accepted JSON with the contract error, never a stack overflow', () => {
    let stage: Stage = { type: 'final' };
    for (let level = 0; level < 5000; level += 1) stage = { type: 'compound', initial: 's', stages: { s: stage } };
    expect(() => listStages({ stages: { s: stage } })).toThrow(JsonTooDeepError);
    try {
      listStages({ stages: { s: stage } });
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'json-too-deep', params: { limit: MAX_JSON_DEPTH } });
    }
  });
});
