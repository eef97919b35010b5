import type { ConsentFigures } from '../api/types';
import { STACKED } from '../charts/series';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ScrollRegion } from '../components/scroll-box';

type Count = 'reachable' | 'contactable' | (typeof STACKED)[number]['key'] | 'objected' | 'blocked';

const CONSENT_ONLY = new Set<Count>(STACKED.map((series) => series.key));

/** Per topic and channel, in people: who can be reached, who may be contacted now, and why the others not. */
export function FiguresTable({ rows }: { rows: readonly ConsentFigures[] }) {
  const { t, number, term } = useI18n();
  const columns: Array<{ key: Count; label: MessageKey }> = [
    { key: 'reachable', label: 'figures.reachable' },
    { key: 'contactable', label: 'figures.contactable' },
    ...STACKED.map((series) => ({ key: series.key, label: series.label })),
    { key: 'objected', label: 'figures.objected' },
    { key: 'blocked', label: 'status.blocked' },
  ];
  return (
    <ScrollRegion label={t('figures.caption')}>
      <table className="figures">
        <caption>{t('figures.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.topic')}</th>
            <th scope="col">{t('common.channel')}</th>
            <th scope="col">{t('figures.legalBasis')}</th>
            <th scope="col" className="num">
              {t('figures.optInRate')}
            </th>
            {columns.map((column) => (
              <th scope="col" key={column.key} className="num">
                {t(column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.topicId}/${row.channel}`}>
              <th scope="row">{row.title}</th>
              <td>{row.channel}</td>
              <td>{term('legalBasis', row.legalBasis)}</td>
              <td className="num" data-testid={`rate-${row.topicId}-${row.channel}`}>
                {row.optInRate === null || row.optInRate === undefined ? '–' : percent(row.optInRate)}
              </td>
              {columns.map(({ key }) =>
                CONSENT_ONLY.has(key) && row.legalBasis !== 'consent' ? (
                  key === STACKED[0]!.key && (
                    <td
                      key={key}
                      colSpan={STACKED.length}
                      className="muted not-asked"
                      data-testid={`no-consent-${row.topicId}-${row.channel}`}
                    >
                      {t('figures.notAsked')}
                    </td>
                  )
                ) : (
                  <td key={key} className="num" data-testid={`count-${row.topicId}-${row.channel}-${key}`}>
                    {number(row[key])}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );

  function percent(rate: number): string {
    return `${number(Math.round(rate * 1000) / 10)} %`;
  }
}
