import { useI18n, type MessageKey } from '../i18n/i18n';

const KNOWN = ['never-asked', 'pending-double-opt-in', 'granted', 'revoked', 'expired', 'reconsent-required'];

/** A consent status as a coloured label; the word is always shown, colour only supports it. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const label = KNOWN.includes(status) ? t(`status.${status}` as MessageKey) : status;
  return <span className={`badge status-${KNOWN.includes(status) ? status : 'other'}`}>{label}</span>;
}
