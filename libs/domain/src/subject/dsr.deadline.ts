/**
 * Art. 12(3) counts in calendar months. Following Regulation 1182/71 Art. 3(2)(c), a period ends
 * on the same day of the later month, or on its last day when that month is shorter (31 January
 * plus one month is 28 or 29 February). Computed in UTC on the instant given.
 */
export function addCalendarMonths(iso: string, months: number): string {
  const start = new Date(Date.parse(iso));
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDay);
  const end = new Date(start);
  end.setUTCFullYear(year, month, day);
  return end.toISOString();
}

/** The answer is owed one month after receipt. */
export function requestDueAt(receivedAt: string): string {
  return addCalendarMonths(receivedAt, 1);
}

/** Art. 12(3): "by two further months" at most, counted from receipt like the first month. */
export const MAX_EXTENSION_MONTHS = 2;

export function extendedDueAt(receivedAt: string, months: number): string {
  return addCalendarMonths(receivedAt, 1 + months);
}
