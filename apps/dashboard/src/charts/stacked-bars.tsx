import { useRef } from 'react';
import type { ConsentFigures } from '../api/types';
import { useParentWidth } from '../components/use-width';
import { useI18n } from '../i18n/i18n';
import { BLOCKED, STACKED, stackedTotal } from './series';

const MAX_WIDTH = 760;
const TOTAL = 70;
const BAR = 22;
const GAP = 4;
const BLOCK_BAR = 7;
const ROW = BAR + GAP + BLOCK_BAR + 18;
/** Below this width a row's label sits on its own line above the bar instead of beside it. */
const NARROW = 560;
const LABEL_LINE = 20;

/**
 * Laid out in the pixels the chart has (one unit = one CSS pixel), so its 13 px labels stay 13 px
 * on a phone instead of shrinking with the whole drawing.
 */
function layout(room: number) {
  const WIDTH = Math.min(MAX_WIDTH, Math.max(260, room));
  const narrow = WIDTH < NARROW;
  const LABEL = narrow ? 0 : 210;
  return { WIDTH, LABEL, narrow, row: ROW + (narrow ? LABEL_LINE : 0), AREA: WIDTH - LABEL - TOTAL };
}

/**
 * One stacked bar per topic and channel, all on one scale so rows compare at a glance, with the
 * blocked count as a thin dark bar beneath (it overlaps the states). Numbers sit in segments wide
 * enough to hold them; the table beside the chart has every figure.
 */
export function StackedBars({ rows }: { rows: readonly ConsentFigures[] }) {
  const { t, number, term } = useI18n();
  const ref = useRef<SVGSVGElement>(null);
  const { WIDTH, LABEL, narrow, row: ROW_HEIGHT, AREA } = layout(useParentWidth(ref, MAX_WIDTH));
  const max = Math.max(1, ...rows.map((row) => Math.max(stackedTotal(row), row.blocked)));
  const scale = (n: number) => (n / max) * AREA;
  const height = rows.length * ROW_HEIGHT + 4;
  return (
    <svg
      ref={ref}
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-label={t('overview.chartLabel')}
    >
      {rows.map((row, i) => {
        const y = i * ROW_HEIGHT + 4 + (narrow ? LABEL_LINE : 0);
        let x = LABEL;
        return (
          <g key={`${row.topicId}/${row.channel}`}>
            <text
              x={narrow ? 0 : LABEL - 10}
              y={narrow ? y - LABEL_LINE / 2 : y + BAR / 2}
              textAnchor={narrow ? 'start' : 'end'}
              dominantBaseline="middle"
              className="chart-label"
            >
              {truncate(row.title, narrow ? 40 : 22)} · {term('channel', row.channel)}
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
