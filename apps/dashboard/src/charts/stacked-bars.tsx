import type { ConsentFigures } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { BLOCKED, STACKED, stackedTotal } from './series';

const WIDTH = 760;
const LABEL = 210;
const TOTAL = 70;
const BAR = 22;
const GAP = 4;
const BLOCK_BAR = 7;
const ROW = BAR + GAP + BLOCK_BAR + 18;
const AREA = WIDTH - LABEL - TOTAL;

/**
 * One stacked bar per topic and channel, all on one scale so rows compare at a glance, with the
 * blocked count as a thin dark bar beneath (it overlaps the states). Numbers sit in segments wide
 * enough to hold them; the table beside the chart has every figure.
 */
export function StackedBars({ rows }: { rows: readonly ConsentFigures[] }) {
  const { t, number } = useI18n();
  const max = Math.max(1, ...rows.map((row) => Math.max(stackedTotal(row), row.blocked)));
  const scale = (n: number) => (n / max) * AREA;
  const height = rows.length * ROW + 4;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('overview.chartLabel')}>
      {rows.map((row, i) => {
        const y = i * ROW + 4;
        let x = LABEL;
        return (
          <g key={`${row.topicId}/${row.channel}`}>
            <text x={LABEL - 10} y={y + BAR / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {truncate(row.title, 22)} · {row.channel}
            </text>
            <rect x={LABEL} y={y} width={AREA} height={BAR} className="chart-track" />
            {STACKED.map((series) => {
              const width = scale(row[series.key]);
              const segment = { x, width };
              x += width;
              if (width === 0) return null;
              return (
                <g key={series.key}>
                  <rect
                    x={segment.x}
                    y={y}
                    width={width}
                    height={BAR}
                    fill={series.color}
                    stroke="#fff"
                    strokeWidth={1}
                  >
                    <title>{`${t(series.label)}: ${number(row[series.key])}`}</title>
                  </rect>
                  {width >= 26 && (
                    <text
                      x={segment.x + width / 2}
                      y={y + BAR / 2}
                      textAnchor="middle"
                      dominantBaseline="central"
                      className="chart-value"
                    >
                      {number(row[series.key])}
                    </text>
                  )}
                </g>
              );
            })}
            <rect x={LABEL} y={y + BAR + GAP} width={scale(row.blocked)} height={BLOCK_BAR} fill={BLOCKED.color}>
              <title>{`${t(BLOCKED.label)}: ${number(row.blocked)}`}</title>
            </rect>
            <text x={WIDTH - TOTAL + 8} y={y + BAR / 2} dominantBaseline="middle" className="chart-total">
              {number(stackedTotal(row))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
