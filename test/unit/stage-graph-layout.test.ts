// The workflow graph's layout (client/src/features/workflows/stage-graph-layout.ts): dagre, left to right, on the
// real workflow templates and on small hand-made definitions.
import fs from 'node:fs';
import path from 'node:path';
import { initialViewport, layoutStages, stageEdges, type PlacedStage } from '../../client/src/features/workflows/stage-graph-layout';
import type { Stage, WorkflowDefinition } from '../../server/src/contracts/workflows/workflow-definition.schemas';

const workflowsDir = path.resolve(__dirname, '..', '..', 'workflows');
const templates = fs
  .readdirSync(workflowsDir)
  .filter((file) => file.endsWith('.json') && file !== 'workflow.schema.json')
  .map((file) => JSON.parse(fs.readFileSync(path.join(workflowsDir, file), 'utf8')) as WorkflowDefinition);

const labelSize = () => ({ width: 120, height: 22 });
const overlap = (a: PlacedStage, b: PlacedStage) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A linear workflow with a loop back, a parallel stage whose track leaves it, and a stage nothing leads to. */
const stages: Record<string, Stage> = {
  intake: { type: 'atomic', on: { accept: [{ target: 'services' }], decline: [{ target: 'closed' }] } },
  services: {
    type: 'parallel',
    regions: {
      legal: { type: 'compound', initial: 'open', stages: { open: { type: 'atomic', on: { finish: [{ target: 'done' }], abandon: [{ target: 'closed' }] } }, done: { type: 'final' } } },
      housing: { type: 'compound', initial: 'open', stages: { open: { type: 'atomic', on: { finish: [{ target: 'done' }] } }, done: { type: 'final' } } },
    },
    onDone: [{ target: 'review' }],
  },
  review: { type: 'atomic', on: { reopen: [{ target: 'services' }], close: [{ target: 'closed' }] } },
  closed: { type: 'final' },
  orphan: { type: 'atomic' },
};

describe('stageEdges', () => {
  it('joins top-level stages, lifting transitions of sub-stages and resolving targets as the server does', () => {
    const edges = stageEdges(stages).map((edge) => edge.id);
    expect(edges).toEqual(
      expect.arrayContaining([
        'intake->services:event:accept',
        'intake->closed:event:decline',
        'services->closed:event:abandon',
        'services->review:done',
        'review->services:event:reopen',
        'review->closed:event:close',
      ]),
    );
    // `done` inside a track is the track's own final stage, not a top-level stage; duplicates are merged.
    expect(edges).toHaveLength(6);
  });

  it('draws each edge the server would take and none the server would refuse (the contract resolves the targets)', () => {
    const edges = stageEdges({
      a: { type: 'atomic', on: { deep: [{ target: 'b/inner' }], lost: [{ target: 'nowhere' }], own: [{ target: 'x' }] } },
      b: { type: 'compound', initial: 'inner', stages: { inner: { type: 'atomic', always: [{ target: 'a', guard: true }] } } },
      // `x` is a step of `c`, not a sibling of `a`: the server reports `a`'s `own` as an unknown target.
      c: { type: 'compound', initial: 'x', stages: { x: { type: 'final' } } },
    });
    expect(edges).toEqual([
      { id: 'a->b:event:deep', source: 'a', target: 'b', kind: 'event', event: 'deep' },
      { id: 'b->a:always', source: 'b', target: 'a', kind: 'always' },
    ]);
  });
});

describe('layoutStages', () => {
  it.each(templates.map((definition) => [definition.id, definition] as const))('places every stage of %s without overlap, left to right', (_id, definition) => {
    const layout = layoutStages(definition.stages, definition.initial, { labelSize });
    expect(layout.nodes.map((node) => node.id).sort()).toEqual(Object.keys(definition.stages).sort());
    for (const node of layout.nodes) {
      expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
      expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
    }
    for (const [index, a] of layout.nodes.entries()) {
      for (const b of layout.nodes.slice(index + 1)) expect([a.id, b.id, overlap(a, b)]).toEqual([a.id, b.id, false]);
    }
    const initial = layout.nodes.find((node) => node.id === definition.initial)!;
    expect(Math.min(...layout.nodes.map((node) => node.x))).toBe(initial.x);
    expect(layout.nodes[0]!.x).toBe(initial.x);
    // Most transitions lead right; only those closing a cycle may lead back.
    const x = new Map(layout.nodes.map((node) => [node.id, node.x]));
    const forward = layout.edges.filter((edge) => x.get(edge.target)! > x.get(edge.source)!);
    expect(forward.length).toBeGreaterThanOrEqual(layout.edges.length - 1);
    for (const edge of layout.edges) {
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
      expect(Number.isFinite(edge.label.x) && Number.isFinite(edge.label.y)).toBe(true);
    }
  });

  it('ranks along the transitions, breaking a loop at the edge that goes back', () => {
    const layout = layoutStages(stages, 'intake', { labelSize });
    const x = new Map(layout.nodes.map((node) => [node.id, node.x]));
    expect(x.get('intake')!).toBeLessThan(x.get('services')!);
    expect(x.get('services')!).toBeLessThan(x.get('review')!);
    expect(x.get('review')!).toBeLessThan(x.get('closed')!);
    const back = layout.edges.find((edge) => edge.id === 'review->services:event:reopen')!;
    // Routed from the review stage's border back to the services stage.
    const review = layout.nodes.find((node) => node.id === 'review')!;
    const services = layout.nodes.find((node) => node.id === 'services')!;
    const [start, end] = [back.points[0]!, back.points.at(-1)!];
    expect(start.x).toBeGreaterThanOrEqual(review.x - 1);
    expect(start.x).toBeLessThanOrEqual(review.x + review.width + 1);
    expect(end.x).toBeGreaterThanOrEqual(services.x - 1);
    expect(end.x).toBeLessThanOrEqual(services.x + services.width + 1);
    expect(layout.nodes.map((node) => node.id)).toContain('orphan');
  });

  it('keeps room for edge labels between the columns', () => {
    const narrow = layoutStages(stages, 'intake');
    const wide = layoutStages(stages, 'intake', { labelSize: () => ({ width: 200, height: 20 }) });
    expect(wide.width).toBeGreaterThan(narrow.width);
    for (const edge of wide.edges) {
      for (const node of wide.nodes) {
        const inside = edge.label.x > node.x && edge.label.x < node.x + node.width && edge.label.y > node.y && edge.label.y < node.y + node.height;
        expect([edge.id, node.id, inside]).toEqual([edge.id, node.id, false]);
      }
    }
  });
});

describe('initialViewport', () => {
  const layout = layoutStages(stages, 'intake', { labelSize });

  it('shows the whole graph, centred, when it fits at a readable zoom', () => {
    const view = initialViewport(layout, [], layout.width * 2, layout.height * 2, { maxZoom: 1 });
    expect(view.zoom).toBe(1);
    expect(view.x).toBeCloseTo(layout.width / 2);
    expect(view.y).toBeCloseTo(layout.height / 2);
  });

  it('starts at the initial stage, or centres the current stage, when the graph is too wide to read whole', () => {
    const width = layout.width * 0.3;
    const start = initialViewport(layout, [], width, 400, { minZoom: 0.65, padding: 16 });
    expect(start.zoom).toBe(0.65);
    expect(start.x).toBe(16);
    const review = layout.nodes.find((node) => node.id === 'review')!;
    const centred = initialViewport(layout, ['review'], width, 400, { minZoom: 0.65, padding: 16 });
    const screenCentre = (review.x + review.width / 2) * centred.zoom + centred.x;
    expect(screenCentre).toBeCloseTo(width / 2);
  });
});
