import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { layeredLayout } from './graph-layout';
import type { Stage } from './workflow.types';

const NODE_W = 170;
const NODE_H = 56;
const GAP_X = 70;
const GAP_Y = 28;

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
}

/**
 * A workflow's stages and transitions as an SVG graph (a plain layered layout; @xyflow/react is not installed).
 * Screen readers get the title and a list of the stages in order, with the current ones named.
 */
export function StageGraph({ stages, initial, label, current = [], invalid, selected, onSelect, title }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { nodes, edges, layers } = layeredLayout(stages, initial);
  const rows = Math.max(1, ...nodes.map((node) => node.row + 1));
  const width = layers * (NODE_W + GAP_X) + GAP_X;
  const height = rows * (NODE_H + GAP_Y) + GAP_Y;
  const position = new Map(nodes.map((node) => [node.id, { x: GAP_X / 2 + node.layer * (NODE_W + GAP_X), y: GAP_Y + node.row * (NODE_H + GAP_Y) }]));

  return (
    <figure className="stage-graph">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} role="group" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{title}</title>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#4a5560" />
          </marker>
        </defs>
        {edges.map((edge) => {
          const a = position.get(edge.from)!;
          const b = position.get(edge.to)!;
          const forward = b.x > a.x;
          const x1 = forward ? a.x + NODE_W : a.x + NODE_W / 2;
          const y1 = forward ? a.y + NODE_H / 2 : a.y + NODE_H;
          const x2 = forward ? b.x : b.x + NODE_W / 2;
          const y2 = forward ? b.y + NODE_H / 2 : b.y + NODE_H;
          const path = forward
            ? `M${x1},${y1} C${x1 + GAP_X / 2},${y1} ${x2 - GAP_X / 2},${y2} ${x2},${y2}`
            : `M${x1},${y1} C${x1},${y1 + GAP_Y} ${x2},${y2 + GAP_Y} ${x2},${y2}`;
          return <path key={`${edge.from}-${edge.to}-${edge.label}-${edge.index}`} d={path} fill="none" stroke="#4a5560" strokeWidth="1.5" markerEnd={`url(#${id}-arrow)`} aria-hidden="true" />;
        })}
        {nodes.map((node) => {
          const { x, y } = position.get(node.id)!;
          const isCurrent = current.some((path) => path.split('/')[0] === node.id);
          const isInvalid = invalid?.has(node.id);
          const classes = ['node', node.stage.type, isCurrent ? 'current' : '', isInvalid ? 'invalid' : '', selected === node.id ? 'selected' : ''].join(' ');
          const text = `${label(node.id)}${isCurrent ? ` (${t('workflow.current')})` : ''}${isInvalid ? ` (${t('workflow.hasProblems')})` : ''}`;
          const content = (
            <>
              <rect x={x} y={y} width={NODE_W} height={NODE_H} rx={node.stage.type === 'final' ? NODE_H / 2 : 8} />
              <text x={x + NODE_W / 2} y={y + NODE_H / 2 - 4} textAnchor="middle">
                {label(node.id).slice(0, 24)}
              </text>
              <text x={x + NODE_W / 2} y={y + NODE_H / 2 + 14} textAnchor="middle" className="node-kind">
                {isCurrent ? t('workflow.current') : isInvalid ? t('workflow.hasProblems') : t(`workflow.stageType.${node.stage.type}`)}
              </text>
            </>
          );
          return onSelect ? (
            <g
              key={node.id}
              className={classes}
              role="button"
              tabIndex={0}
              aria-label={text}
              aria-pressed={selected === node.id}
              onClick={() => onSelect(node.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onSelect(node.id);
                }
              }}
            >
              {content}
            </g>
          ) : (
            <g key={node.id} className={classes} role="img" aria-label={text}>
              {content}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
