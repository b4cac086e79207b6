import { graphlib, layout } from '@dagrejs/dagre';
import { listTransitions, resolveTarget, stageIndex } from '@contracts/workflows/stage-tree.util';
import type { Stage } from '@contracts/workflows/workflow-definition.schemas';

/** A transition between two top-level stages; one per source, target and trigger (duplicates from sub-stages merged). */
export interface StageEdge {
  id: string;
  source: string;
  target: string;
  kind: 'event' | 'always' | 'done';
  /** The event's name, for `kind: 'event'`. */
  event?: string;
}

export interface Point {
  x: number;
  y: number;
}

/** A top-level stage placed on the canvas; `x`/`y` is its top-left corner. */
export interface PlacedStage {
  id: string;
  stage: Stage;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An edge routed by dagre around the nodes: `points` from the source's border to the target's, and its label's centre. */
export interface RoutedEdge extends StageEdge {
  points: Point[];
  label: Point;
  labelWidth: number;
  labelHeight: number;
}

export interface StageGraphLayout {
  /** In reading order: by column (left to right), then top to bottom. */
  nodes: PlacedStage[];
  edges: RoutedEdge[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  nodeWidth?: number;
  nodeHeight?: number;
  /** Size of an edge's label, so that dagre keeps room for it; no label by default. */
  labelSize?: (edge: StageEdge) => { width: number; height: number };
}

const NODE_WIDTH = 176;
const NODE_HEIGHT = 80;

/**
 * Transitions between top-level stages: a transition of a stage or of any stage inside it, whose target lies in
 * another top-level stage, is an edge between the two top-level stages. Transitions inside one stage are left out.
 * Targets resolve as the server resolves them (the contract's stage tree); one that resolves nowhere draws no edge
 * (the editor reports it as a problem).
 */
export function stageEdges(stages: Record<string, Stage>): StageEdge[] {
  const index = stageIndex({ stages });
  const edges = new Map<string, StageEdge>();
  for (const entry of index.values()) {
    const source = entry.path.split('/')[0]!;
    for (const { trigger, transition } of listTransitions(entry)) {
      const target = transition.target === undefined ? undefined : resolveTarget(index, entry.path, transition.target)?.split('/')[0];
      if (!target || target === source) continue;
      const event = trigger.kind === 'event' ? trigger.event : undefined;
      const id = `${source}->${target}:${trigger.kind}${event === undefined ? '' : `:${event}`}`;
      if (!edges.has(id)) edges.set(id, { id, source, target, kind: trigger.kind, ...(event === undefined ? {} : { event }) });
    }
  }
  return [...edges.values()];
}

/**
 * Places the top-level stages left to right with dagre: a transition leads to a column further right, except where
 * it closes a cycle (found by a depth-first walk from the initial stage), and edges are routed around the nodes.
 */
export function layoutStages(stages: Record<string, Stage>, initial: string, options: LayoutOptions = {}): StageGraphLayout {
  const nodeWidth = options.nodeWidth ?? NODE_WIDTH;
  const nodeHeight = options.nodeHeight ?? NODE_HEIGHT;
  const edges = stageEdges(stages);
  const graph = new graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 64, edgesep: 16, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  // The initial stage first: dagre breaks cycles by a depth-first walk in the order the nodes were added.
  const ids = Object.keys(stages).sort((a, b) => Number(b === initial) - Number(a === initial));
  for (const id of ids) graph.setNode(id, { width: nodeWidth, height: nodeHeight });
  for (const edge of edges) {
    const size = options.labelSize?.(edge) ?? { width: 0, height: 0 };
    graph.setEdge({ v: edge.source, w: edge.target, name: edge.id }, { ...size, labelpos: 'c', minlen: 1, weight: 1 });
  }
  layout(graph);

  const nodes = ids.map((id): PlacedStage => {
    const placed = graph.node(id) as { x: number; y: number };
    return { id, stage: stages[id]!, x: placed.x - nodeWidth / 2, y: placed.y - nodeHeight / 2, width: nodeWidth, height: nodeHeight };
  });
  nodes.sort((a, b) => a.x - b.x || a.y - b.y);
  const routed = edges.map((edge): RoutedEdge => {
    const placed = graph.edge({ v: edge.source, w: edge.target, name: edge.id }) as { points?: Point[]; x?: number; y?: number; width?: number; height?: number };
    const points = (placed.points ?? []).map(({ x, y }) => ({ x, y }));
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return {
      ...edge,
      points,
      label: { x: placed.x ?? middle.x, y: placed.y ?? middle.y },
      labelWidth: placed.width ?? 0,
      labelHeight: placed.height ?? 0,
    };
  });
  const size = graph.graph() as { width?: number; height?: number };
  return { nodes, edges: routed, width: size.width ?? 0, height: size.height ?? 0 };
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Where to look first, in a `width` x `height` pane: the whole graph when it fits at `minZoom` or more; otherwise at
 * `minZoom` (readable), centred on the `focus` stages (the case's current ones) or else starting at the left (the
 * initial stage), without showing empty space beyond the graph's ends.
 */
export function initialViewport(
  layout: StageGraphLayout,
  focus: string[],
  width: number,
  height: number,
  { padding = 16, minZoom = 0.65, maxZoom = 1 }: { padding?: number; minZoom?: number; maxZoom?: number } = {},
): Viewport {
  const graphWidth = Math.max(layout.width, 1);
  const graphHeight = Math.max(layout.height, 1);
  const fit = Math.min((width - 2 * padding) / graphWidth, (height - 2 * padding) / graphHeight);
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  const focused = layout.nodes.filter((node) => focus.includes(node.id));
  const axis = (size: number, graph: number, focusCentre: number | undefined) => {
    if (graph * zoom <= size - 2 * padding) return (size - graph * zoom) / 2;
    const wanted = focusCentre === undefined ? padding : size / 2 - focusCentre * zoom;
    return Math.min(padding, Math.max(size - padding - graph * zoom, wanted));
  };
  const centre = (start: (node: PlacedStage) => number, extent: (node: PlacedStage) => number) =>
    focused.length === 0
      ? undefined
      : (Math.min(...focused.map(start)) + Math.max(...focused.map((node) => start(node) + extent(node)))) / 2;
  return {
    x: axis(width, graphWidth, centre((node) => node.x, (node) => node.width)),
    y: axis(height, graphHeight, centre((node) => node.y, (node) => node.height) ?? graphHeight / 2),
    zoom,
  };
}
