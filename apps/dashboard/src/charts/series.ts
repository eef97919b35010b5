import type { ConsentFigures } from '../api/types';
import type { MessageKey } from '../i18n/i18n';

export type CountKey =
  | 'neverAsked'
  | 'pendingDoubleOptIn'
  | 'granted'
  | 'revoked'
  | 'expired'
  | 'reconsentRequired'
  | 'blocked';

export interface Series {
  key: CountKey;
  label: MessageKey;
  /** Each at least 3:1 against white (WCAG 1.4.11) and carrying white numbers. */
  color: string;
}

/** The consent states a subject is in for one topic and channel: one each, so they stack. */
export const STACKED: readonly Series[] = [
  { key: 'neverAsked', label: 'status.never-asked', color: '#52606d' },
  { key: 'pendingDoubleOptIn', label: 'status.pending-double-opt-in', color: '#a4640c' },
  { key: 'granted', label: 'status.granted', color: '#17734f' },
  { key: 'revoked', label: 'status.revoked', color: '#b42318' },
  { key: 'expired', label: 'status.expired', color: '#7a5a2e' },
  { key: 'reconsentRequired', label: 'status.reconsent-required', color: '#6b3fb8' },
];

/** Blocks overlap the states above (a blocked subject may have granted), so they get their own bar. */
export const BLOCKED: Series = { key: 'blocked', label: 'status.blocked', color: '#1f2933' };

export const ALL_SERIES: readonly Series[] = [...STACKED, BLOCKED];

export function stackedTotal(row: ConsentFigures): number {
  return STACKED.reduce((sum, series) => sum + row[series.key], 0);
}
