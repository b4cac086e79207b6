import { useId } from 'react';

interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart in SVG. Accessible: the figure has a caption, the SVG a title and description, and the same
 * numbers follow as a table for screen readers and for anyone who prefers numbers to bars.
 */
export function BarChart({ title, bars, valueLabel, tone = 'primary' }: { title: string; bars: Bar[]; valueLabel: string; tone?: 'primary' | 'danger' }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rowH = 30;
  const labelW = 200;
  const chartW = 320;
  const height = Math.max(1, bars.length) * rowH + 10;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg viewBox={`0 0 ${labelW + chartW + 50} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{bars.map((bar) => `${bar.label}: ${bar.value}`).join('; ')}</desc>
        {bars.map((bar, index) => {
          const y = 5 + index * rowH;
          const w = (bar.value / max) * chartW;
          return (
            <g key={bar.label}>
              <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end" className="chart-label">
                {bar.label.slice(0, 28)}
              </text>
              <rect x={labelW} y={y + 4} width={Math.max(w, 2)} height={rowH - 10} className={`bar ${tone}`} />
              <text x={labelW + w + 6} y={y + rowH / 2 + 4} className="chart-value">
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
