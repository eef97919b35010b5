import type { PeopleFigures } from '../api/types';
import { Legend } from '../charts/legend';
import { StackedBars } from '../charts/stacked-bars';
import { TrendChart } from '../charts/trend';
import { ErrorNote } from '../components/error-note';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useSession } from '../session';
import { DuePanel } from './due-panel';
import { FiguresTable } from './figures-table';
import { useStatsStream, type StreamState } from './use-stats-stream';
import '../content.css';

/** Mission Control's first screen: how many people may be contacted, per topic and channel, and what is due. */
export function Overview() {
  const { t } = useI18n();
  const { can } = useSession();
  return can('stats') ? <LiveOverview /> : <p className="note">{t('overview.noAccess')}</p>;
}

/** The people tiles: each person counted once, whatever number of topics and channels they touch. */
const PEOPLE: ReadonlyArray<keyof PeopleFigures> = [
  'people',
  'contactable',
  'granted',
  'neverAsked',
  'pendingDoubleOptIn',
  'revoked',
  'blocked',
  'objected',
];

function LiveOverview() {
  const { t, number } = useI18n();
  const { client } = useSession();
  const stream = useStatsStream(client);
  const { figures, error } = stream;
  const rows = figures?.consents ?? [];
  const consentRows = rows.filter((row) => row.legalBasis === 'consent');
  return (
    <section aria-labelledby="overview-title">
      <div className="section-head">
        <h1 id="overview-title">{t('overview.title')}</h1>
        <StreamMarker stream={stream} />
      </div>
      {error !== undefined && <ErrorNote error={error} />}
      {figures === undefined ? (
        error === undefined && <p className="note">{t('overview.noFiguresYet')}</p>
      ) : (
        <ul className="tiles" aria-label={t('people.title')}>
          {PEOPLE.map((key) => (
            <li key={key} className="tile">
              <span className="tile-label">{t(`people.${key}` as MessageKey)}</span>
              <strong className="tile-value" data-testid={`total-${key}`}>
                {number(figures.people[key])}
              </strong>
            </li>
          ))}
        </ul>
      )}
      {figures && <DuePanel requests={figures.requests} />}
      {figures && rows.length === 0 && <p className="note">{t('overview.noTopics')}</p>}
      {rows.length > 0 && <FiguresTable rows={rows} />}
      {consentRows.length > 0 && (
        <figure className="chart-card">
          <Legend />
          <StackedBars rows={consentRows} />
        </figure>
      )}
      {figures && <TrendChart days={figures.trend} />}
    </section>
  );
}

/** Live, reconnecting or stale: the figures on screen always say how fresh they are. */
function StreamMarker({ stream }: { stream: StreamState }) {
  const { t, date } = useI18n();
  const { connection, figures, staleSince } = stream;
  const stale = connection !== 'live' && figures !== undefined;
  return (
    <span className={`live ${connection}`} data-testid="stream-state">
      {t(`overview.${connection}`)}
      {figures && !stale && ` · ${t('overview.asOf', { time: date(figures.computedAt) })}`}
      {stale && (
        <span className="stale" data-testid="stale-since">
          {' · '}
          {t('overview.staleSince', { time: date(staleSince ?? figures.computedAt) })}
        </span>
      )}
    </span>
  );
}
