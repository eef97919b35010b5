import { useI18n } from '../i18n/i18n';
import { ALL_SERIES, BLOCKED } from './series';

/** The chart's key: every colour with its word, blocked marked as drawn apart (it overlaps). */
export function Legend() {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t('overview.legend')}>
      {ALL_SERIES.map((series) => (
        <li key={series.key}>
          <span className={`swatch swatch-${series.key} ${series === BLOCKED ? 'thin' : ''}`} aria-hidden="true" />
          {t(series.label)}
          {series === BLOCKED && <span className="muted"> ({t('overview.blockedApart')})</span>}
        </li>
      ))}
    </ul>
  );
}
