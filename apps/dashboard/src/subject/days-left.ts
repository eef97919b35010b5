import type { I18n } from '../i18n/i18n';

const DAY_MS = 86_400_000;

/** Art. 12(3) in words: days left until `dueAt`, or days overdue, counted from `now`. */
export function daysLeft(dueAt: string, now: number, t: I18n['t']): string {
  const days = Math.floor((Date.parse(dueAt) - now) / DAY_MS);
  if (Date.parse(dueAt) <= now) return t('requests.daysOverdue', { days: Math.max(1, -days) });
  if (days === 0) return t('requests.dueToday');
  return days === 1 ? t('requests.dayLeft') : t('requests.daysLeft', { days });
}
