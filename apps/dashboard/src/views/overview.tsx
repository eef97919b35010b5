import type { ConsentFigures } from '../api/types';
import { Legend } from '../charts/legend';
import { StackedBars } from '../charts/stacked-bars';
import { ALL_SERIES, stackedTotal, totals } from '../charts/series';
import { ErrorNote } from '../components/error-note';
import { ScrollTable } from '../components/scroll-box';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { useStatsStream } from './use-stats-stream';

/** Mission Control's first screen: who was never asked, who said yes or no, per topic and channel, live. */
export function Overview() {
  const { t } = useI18n();
  const { can } = useSession();
  return can('stats') ? <LiveOverview /> : <p className="note">{t('overview.noAccess')}</p>;
}

function LiveOverview() {
  const { t, number, date } = useI18n();
  const { client } = useSession();
  const { connection, figures, error } = useStatsStream(client);
  const rows = figures?.consents ?? [];
  const sums = totals(rows);
  return (
    <section aria-labelledby="overview-title">
      <div className="section-head">
        <h1 id="overview-title">{t('overview.title')}</h1>
        <span className={`live ${connection}`} data-testid="stream-state">
          {t(`overview.${connection}`)}
          {figures && ` · ${t('overview.asOf', { time: date(figures.computedAt) })}`}
        </span>
      </div>
      {error !== undefined && <ErrorNote error={error} />}
      <ul className="tiles" aria-label={t('overview.totals')}>
        {ALL_SERIES.map((series) => (
          <li key={series.key} className="tile">
            <span className={`swatch swatch-${series.key}`} aria-hidden="true" />
            <span className="tile-label">{t(series.label)}</span>
            <strong className="tile-value" data-testid={`total-${series.key}`}>
              {figures ? number(sums[series.key]) : '…'}
            </strong>
          </li>
        ))}
      </ul>
      {figures && rows.length === 0 && <p className="note">{t('overview.noTopics')}</p>}
      {rows.length > 0 && (
        <figure className="chart-card">
          <Legend />
          <StackedBars rows={rows} />
        </figure>
      )}
      {rows.length > 0 && <FiguresTable rows={rows} />}
    </section>
  );
}

function FiguresTable({ rows }: { rows: readonly ConsentFigures[] }) {
  const { t, number, term } = useI18n();
  return (
    <ScrollTable className="figures" label={t('overview.tableCaption')}>
      <caption>{t('overview.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.topic')}</th>
          <th scope="col">{t('common.channel')}</th>
          {ALL_SERIES.map((series) => (
            <th scope="col" key={series.key} className="num">
              {t(series.label)}
            </th>
          ))}
          <th scope="col" className="num">
            {t('overview.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.topicId}/${row.channel}`}>
            <th scope="row">{row.title}</th>
            <td>{term('channel', row.channel)}</td>
            {ALL_SERIES.map((series) => (
              <td key={series.key} className="num" data-testid={`count-${row.topicId}-${row.channel}-${series.key}`}>
                {number(row[series.key])}
              </td>
            ))}
            <td className="num">{number(stackedTotal(row))}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
