import '@xyflow/react/dist/style.css';
import './stage-graph.css';
import {
  BaseEdge,
  Controls,
  EdgeLabelRenderer,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import { createContext, useContext, useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventName } from './StageName';
import { initialViewport, layoutStages, stageEdges, type Point, type StageEdge, type StageGraphLayout } from './stage-graph-layout';
import { childStages } from '@contracts/workflows/stage-tree.util';
import type { Stage } from '@contracts/workflows/workflow-definition.schemas';

interface Props {
  stages: Record<string, Stage>;
  initial: string;
  label: (id: string) => string;
  /** Stages the case is in now. */
  current?: string[];
  /** Stages with validation problems. */
  invalid?: Set<string>;
  selected?: string;
  onSelect?: (id: string) => void;
  title: string;
  /** An event's display name; by default looked up in locales/<lng>/workflows.json. */
  eventLabel?: (event: string) => string;
}

interface StageNodeData extends Record<string, unknown> {
  name: string;
  kind: string;
  /** "current" or "has problems": said in words, not by colour alone. */
  status?: string;
  classes: string;
  selected: boolean;
}

interface TransitionEdgeData extends Record<string, unknown> {
  points: Point[];
  text: string;
  label: Point;
}

type StageNode = Node<StageNodeData, 'stage'>;
type TransitionEdge = Edge<TransitionEdgeData, 'transition'>;

const EDGE_COLOR = '#4a5560';
const LABEL_FONT_SIZE = 13;
const LABEL_LINE_HEIGHT = 16;
const LABEL_MAX_WIDTH = 132;
const LABEL_PADDING_X = 8;
const LABEL_PADDING_Y = 4;
/** Below this zoom the labels are too small to read: a larger graph starts at this zoom and is panned. */
const READABLE_ZOOM = 0.75;
/** The smallest zoom the first view takes to show the whole graph's width. */
const MIN_FIT_ZOOM = 0.1;

/** Whether the stages are buttons (the editor) or images (read-only). */
const EditableContext = createContext(false);

let canvas: CanvasRenderingContext2D | null | undefined;
/** Size an edge label will take (wrapped at LABEL_MAX_WIDTH), so that the layout keeps room for it. */
function labelSize(text: string): { width: number; height: number } {
  if (canvas === undefined) {
    canvas = document.createElement('canvas').getContext('2d');
    if (canvas) canvas.font = `${LABEL_FONT_SIZE}px ${getComputedStyle(document.body).fontFamily}`;
  }
  const measured = canvas ? canvas.measureText(text).width : text.length * LABEL_FONT_SIZE * 0.6;
  const lines = Math.ceil(measured / LABEL_MAX_WIDTH);
  return { width: Math.min(measured, LABEL_MAX_WIDTH) + LABEL_PADDING_X * 2, height: lines * LABEL_LINE_HEIGHT + LABEL_PADDING_Y * 2 };
}

/** A smooth path through dagre's points (the B-spline of d3's curveBasis), ending on the target's border. */
function splinePath(points: Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let path = `M${first!.x},${first!.y}`;
  if (rest.length === 0) return path;
  let [p0, p1] = [first!, first!];
  rest.forEach((point, index) => {
    if (index === 1) path += ` L${(5 * p0.x + p1.x) / 6},${(5 * p0.y + p1.y) / 6}`;
    if (index >= 1) path += bezier(p0, p1, point);
    [p0, p1] = [p1, point];
  });
  if (rest.length >= 2) path += bezier(p0, p1, p1);
  return `${path} L${p1.x},${p1.y}`;
}

function bezier(p0: Point, p1: Point, p: Point): string {
  return ` C${(2 * p0.x + p1.x) / 3},${(2 * p0.y + p1.y) / 3} ${(p0.x + 2 * p1.x) / 3},${(p0.y + 2 * p1.y) / 3} ${(p0.x + 4 * p1.x + p.x) / 6},${(p0.y + 4 * p1.y + p.y) / 6}`;
}

function StageNodeView({ data, positionAbsoluteX, positionAbsoluteY, width = 0, height = 0 }: NodeProps<StageNode>) {
  const editable = useContext(EditableContext);
  const { getViewport, setCenter } = useReactFlow();
  const paneWidth = useStore((state) => state.width);
  const paneHeight = useStore((state) => state.height);
  const content = (
    <>
      <span className="stage-node-name" title={data.name}>
        {data.name}
      </span>
      <span className="visually-hidden">, </span>
      <span className="stage-node-kind">{data.kind}</span>
      {data.status && (
        <>
          <span className="visually-hidden">, </span>
          <span className="stage-node-status">{data.status}</span>
        </>
      )}
    </>
  );
  /** A keyboard user tabbing to a stage outside the visible part of the graph: bring it into view. */
  const reveal = () => {
    const { x, y, zoom } = getViewport();
    const left = positionAbsoluteX * zoom + x;
    const top = positionAbsoluteY * zoom + y;
    if (left < 0 || top < 0 || left + width * zoom > paneWidth || top + height * zoom > paneHeight) {
      void setCenter(positionAbsoluteX + width / 2, positionAbsoluteY + height / 2, { zoom, duration: 200 });
    }
  };
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="stage-handle" />
      {editable ? (
        // Selected through the graph's onNodeClick, which a click on the button (by mouse, Enter or Space) reaches.
        <button type="button" className={data.classes} aria-pressed={data.selected} onFocus={reveal}>
          {content}
        </button>
      ) : (
        <div className={data.classes}>{content}</div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className="stage-handle" />
    </>
  );
}

function TransitionEdgeView({ id, data, markerEnd }: EdgeProps<TransitionEdge>) {
  if (!data) return null;
  return (
    <>
      <BaseEdge id={id} path={splinePath(data.points)} markerEnd={markerEnd} interactionWidth={0} className="stage-edge" />
      {data.text && (
        <EdgeLabelRenderer>
          <div className="stage-edge-label" aria-hidden="true" style={{ transform: `translate(-50%, -50%) translate(${data.label.x}px, ${data.label.y}px)` }}>
            {data.text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

const nodeTypes = { stage: StageNodeView };
const edgeTypes = { transition: TransitionEdgeView };

/** Sets the first view once the pane has a size, and again when the focus (the case's position), the stages or the pane's width change. */
function InitialView({ layout, focus }: { layout: StageGraphLayout; focus: string[] }) {
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const { setViewport } = useReactFlow();
  const applied = useRef<string>(undefined);
  // Again when the pane's width changes (a window turned or resized), so the graph still fits.
  const key = `${focus.join(' ')}|${layout.nodes.map((node) => node.id).join(' ')}|${Math.round(width)}`;
  useEffect(() => {
    if (!width || !height || applied.current === key) return;
    applied.current = key;
    // Readable where it fits; zoomed out (no further than MIN_FIT_ZOOM) where the page is narrower, so the graph is never
    // cut off on the right; the controls zoom in.
    const fitsWidth = (width - 32) / Math.max(layout.width, 1);
    void setViewport(initialViewport(layout, focus, width, height, { minZoom: Math.max(MIN_FIT_ZOOM, Math.min(READABLE_ZOOM, fitsWidth)) }));
  }, [width, height, key, layout, focus, setViewport]);
  return null;
}

/**
 * A workflow's top-level stages and the transitions between them, laid out left to right by dagre and drawn with
 * React Flow. Read-only (no dragging, connecting or deleting); with `onSelect` each stage is a button. Screen readers
 * get the title and a list of the stages in reading order, with the current ones and where each transition leads.
 */
export function StageGraph(props: Props) {
  return (
    <ReactFlowProvider>
      <StageGraphFlow {...props} />
    </ReactFlowProvider>
  );
}

function StageGraphFlow({ stages, initial, label, current = [], invalid, selected, onSelect, title, eventLabel }: Props) {
  const { t } = useTranslation();
  const defaultEventName = useEventName(undefined);
  const eventName = eventLabel ?? defaultEventName;
  const id = useId();

  const transitions = useMemo(() => stageEdges(stages), [stages]);
  const transitionText = (edge: StageEdge) =>
    edge.kind === 'always' ? t('workflow.automatically') : edge.kind === 'done' ? t('workflow.whenFinished') : eventName(edge.event!);
  const texts = transitions.map(transitionText);
  const textsKey = JSON.stringify(texts);
  const layout = useMemo(() => {
    const byId = new Map(transitions.map((edge, index) => [edge.id, (JSON.parse(textsKey) as string[])[index]!]));
    return layoutStages(stages, initial, { labelSize: (edge) => labelSize(byId.get(edge.id) ?? '') });
  }, [stages, initial, transitions, textsKey]);
  const textOf = new Map(transitions.map((edge, index) => [edge.id, texts[index]!]));

  const currentIds = [...new Set(current.map((path) => path.split('/')[0]!))];
  const describe = (stageId: string) => {
    const isCurrent = currentIds.includes(stageId);
    const isInvalid = invalid?.has(stageId) ?? false;
    return {
      isCurrent,
      isInvalid,
      status: isCurrent ? t('workflow.current') : isInvalid ? t('workflow.hasProblems') : undefined,
      text: `${label(stageId)}${isCurrent ? ` (${t('workflow.current')})` : ''}${isInvalid ? ` (${t('workflow.hasProblems')})` : ''}`,
    };
  };

  const nodes: StageNode[] = layout.nodes.map((node) => {
    const { isCurrent, isInvalid, status, text } = describe(node.id);
    const children = Object.keys(childStages(node.stage)).length;
    const kind = t(`workflow.stageType.${node.stage.type}`);
    const classes = ['stage-node', node.stage.type, isCurrent && 'current', isInvalid && 'invalid', selected === node.id && 'selected', node.id === initial && 'initial']
      .filter(Boolean)
      .join(' ');
    return {
      id: node.id,
      type: 'stage',
      position: { x: node.x, y: node.y },
      width: node.width,
      height: node.height,
      data: { name: label(node.id), kind: children > 0 ? `${kind} (${children})` : kind, status, classes, selected: selected === node.id },
      draggable: false,
      connectable: false,
      deletable: false,
      selectable: false,
      focusable: false,
      // Read-only: each stage is one image with a name, as before; in the editor the button inside carries the name.
      ...(onSelect ? {} : { ariaRole: 'img' as const, ariaLabel: text }),
      domAttributes: { 'aria-roledescription': undefined },
    };
  });
  const edges: TransitionEdge[] = layout.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'transition',
    data: { points: edge.points, text: textOf.get(edge.id) ?? '', label: edge.label },
    markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_COLOR, width: 16, height: 16 },
    focusable: false,
    selectable: false,
    deletable: false,
    // The list below tells screen readers where each transition leads.
    domAttributes: { 'aria-hidden': true, 'aria-roledescription': undefined },
  }));

  const ariaLabelConfig = {
    'node.a11yDescription.default': '',
    'node.a11yDescription.keyboardDisabled': '',
    'edge.a11yDescription.default': '',
    'controls.ariaLabel': t('workflow.graphControls'),
    'controls.zoomIn.ariaLabel': t('workflow.zoomIn'),
    'controls.zoomOut.ariaLabel': t('workflow.zoomOut'),
    'controls.fitView.ariaLabel': t('workflow.fitView'),
  };

  return (
    <figure className={`stage-graph${onSelect ? ' editable' : ''}`} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="visually-hidden">
        {title}
      </figcaption>
      {/* As tall as the graph at a readable zoom, within 360-480 px, and as wide as its panel: a graph wider than that
          is shown zoomed out to fit (InitialView), never cut off on the right nor scrolled sideways. */}
      <div className="stage-graph-canvas" style={{ blockSize: Math.round(Math.min(480, Math.max(360, layout.height * READABLE_ZOOM + 96))) }}>
        <EditableContext.Provider value={Boolean(onSelect)}>
          <ReactFlow<StageNode, TransitionEdge>
            aria-labelledby={`${id}-title`}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodeClick={onSelect ? (_event, node) => onSelect(node.id) : undefined}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            edgesReconnectable={false}
            elementsSelectable={false}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            panActivationKeyCode={null}
            zoomActivationKeyCode={null}
            disableKeyboardA11y
            zoomOnScroll={false}
            zoomOnDoubleClick={false}
            preventScrolling={false}
            minZoom={MIN_FIT_ZOOM}
            maxZoom={1.5}
            ariaLabelConfig={ariaLabelConfig}
          >
            <InitialView layout={layout} focus={currentIds} />
            <Controls position="top-left" orientation="horizontal" showInteractive={false} fitViewOptions={{ padding: 0.05 }} />
          </ReactFlow>
        </EditableContext.Provider>
      </div>
      <ol className="visually-hidden" aria-label={t('workflow.stagesInOrder')}>
        {layout.nodes.map((node) => {
          const { isCurrent, text } = describe(node.id);
          const next = layout.edges
            .filter((edge) => edge.source === node.id)
            .map((edge) => t('workflow.leadsTo', { transition: textOf.get(edge.id), stage: label(edge.target) }));
          return (
            <li key={node.id} aria-current={isCurrent ? 'step' : undefined}>
              {text}
              {next.length > 0 && `: ${next.join('; ')}`}
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
