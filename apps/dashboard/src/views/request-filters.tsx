import { useI18n, type MessageKey } from '../i18n/i18n';
import type { Filters } from './request-match';

const KINDS = ['access', 'rectification', 'erasure', 'portability', 'objection', 'restriction'] as const;

/** Kind, status and overdue: the queue narrowed in the browser (the api answers every open request). */
export function RequestFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="request-filters">
      <legend className="visually-hidden">{t('requests.filters')}</legend>
      <label>
        {t('requests.filterKind')}
        <select value={filters.kind} onChange={(e) => onChange({ ...filters, kind: e.target.value })}>
          <option value="">{t('requests.all')}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`requests.kinds.${kind}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('requests.filterStatus')}
        <select
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: e.target.value as Filters['status'] })}
        >
          <option value="">{t('requests.all')}</option>
          <option value="in-time">{t('requests.statusInTime')}</option>
          <option value="extended">{t('requests.statusExtended')}</option>
        </select>
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={filters.overdueOnly}
          onChange={(e) => onChange({ ...filters, overdueOnly: e.target.checked })}
        />{' '}
        {t('requests.onlyOverdue')}
      </label>
    </fieldset>
  );
}
