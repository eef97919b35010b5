import type { MissionControlFigures } from '../api/types';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ScrollRegion } from '../components/scroll-box';

type Day = MissionControlFigures['trend'][number];
type Measure = 'grants' | 'revocations' | 'blocks';

const WIDTH = 600;
const HEIGHT = 140;
const PAD = 24;
const LEFT = 48;

/** Colours as the state bars (granted green, revoked red, blocked dark): each at least 3:1 on white. */
const LINES: ReadonlyArray<{ key: Measure; label: MessageKey; color: string; dash?: string }> = [
  { key: 'grants', label: 'trend.grants', color: '#17734f' },
  { key: 'revocations', label: 'trend.revocations', color: '#b42318', dash: '6 3' },
  { key: 'blocks', label: 'trend.blocks', color: '#1f2933', dash: '2 3' },
];

/** Grants, revocations and blocks per day over 30 days; the figures are in the table beneath it. */
export function TrendChart({ days }: { days: readonly Day[] }) {
  const { t, number } = useI18n();
  const max = Math.max(1, ...days.flatMap((day) => LINES.map((line) => day[line.key])));
  const x = (i: number) => LEFT + (i * (WIDTH - LEFT - PAD)) / Math.max(1, days.length - 1);
  const y = (n: number) => HEIGHT - PAD - (n / max) * (HEIGHT - 2 * PAD);
  const sums = Object.fromEntries(LINES.map((line) => [line.key, days.reduce((s, d) => s + d[line.key], 0)]));
  return (
    <section className="card" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('trend.title')}</h2>
      <ul className="legend">
        {LINES.map((line) => (
          <li key={line.key}>
            <svg width="24" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="24" y2="5" stroke={line.color} strokeWidth="3" strokeDasharray={line.dash} />
            </svg>{' '}
            {t(line.label)}: {number(sums[line.key] ?? 0)}
          </li>
        ))}
      </ul>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('trend.chartLabel', sums)}>
        <line x1={LEFT} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} className="chart-axis" />
        <text x={LEFT} y={HEIGHT - 6} className="chart-label">
          {days[0]?.day}
        </text>
        <text x={WIDTH - PAD} y={HEIGHT - 6} textAnchor="end" className="chart-label">
          {days.at(-1)?.day}
        </text>
        <text x={LEFT - 6} y={y(max)} textAnchor="end" dominantBaseline="middle" className="chart-label">
          {number(max)}
        </text>
        {LINES.map((line) => (
          <polyline
            key={line.key}
            fill="none"
            stroke={line.color}
            strokeWidth="2.5"
            strokeDasharray={line.dash}
            points={days.map((day, i) => `${x(i)},${y(day[line.key])}`).join(' ')}
          />
        ))}
      </svg>
      <details>
        <summary>{t('trend.table')}</summary>
        <ScrollRegion label={t('trend.table')}>
          <table className="figures" data-testid="trend-table">
            <thead>
              <tr>
                <th scope="col">{t('trend.day')}</th>
                {LINES.map((line) => (
                  <th scope="col" key={line.key} className="num">
                    {t(line.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day}>
                  <th scope="row">{day.day}</th>
                  {LINES.map((line) => (
                    <td key={line.key} className="num">
                      {number(day[line.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </section>
  );
}
