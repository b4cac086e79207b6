import type { Stage, Transition } from './workflow.types';

export interface GraphNode {
  id: string;
  stage: Stage;
  layer: number;
  row: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Event name, `always`, or `done`. */
  label: string;
  index: number;
}

/** Transitions leaving a stage (its own and those of its descendants), with the sibling they lead to. */
export function edgesOf(stages: Record<string, Stage>): GraphEdge[] {
  const ids = new Set(Object.keys(stages));
  const edges: GraphEdge[] = [];
  const collect = (from: string, stage: Stage) => {
    const add = (label: string, list: Transition[] | undefined) =>
      (list ?? []).forEach((transition, index) => {
        const target = transition.target?.split('/')[0];
        if (target && ids.has(target) && target !== from) edges.push({ from, to: target, label, index });
      });
    for (const [event, list] of Object.entries(stage.on ?? {})) add(event, list);
    add('always', stage.always);
    add('done', stage.onDone);
    for (const child of Object.values({ ...(stage.stages ?? {}), ...(stage.regions ?? {}) })) collect(from, child);
  };
  for (const [id, stage] of Object.entries(stages)) collect(id, stage);
  return edges;
}

/**
 * A simple layered layout (a breadth-first longest-path ranking that ignores back edges): stages reachable in
 * n steps from the initial stage stand in column n; unreachable ones go in a last column.
 */
export function layeredLayout(stages: Record<string, Stage>, initial: string): { nodes: GraphNode[]; edges: GraphEdge[]; layers: number } {
  const edges = edgesOf(stages);
  const layer = new Map<string, number>([[initial, 0]]);
  const queue = [initial];
  while (queue.length) {
    const current = queue.shift()!;
    for (const edge of edges.filter((candidate) => candidate.from === current)) {
      if (!layer.has(edge.to)) {
        layer.set(edge.to, layer.get(current)! + 1);
        queue.push(edge.to);
      }
    }
  }
  const maxLayer = Math.max(0, ...layer.values());
  const nodes: GraphNode[] = [];
  const rows = new Map<number, number>();
  for (const [id, stage] of Object.entries(stages)) {
    const column = layer.get(id) ?? maxLayer + 1;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    nodes.push({ id, stage, layer: column, row });
  }
  return { nodes, edges, layers: Math.max(0, ...nodes.map((node) => node.layer)) + 1 };
}
