/** The languages the Privacy Center speaks; the first is the fallback. */
export const PAGE_LANGUAGES = ['en', 'de'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

/**
 * The page's language from Accept-Language (RFC 9110 12.5.4: ranges weighted by q), so `<html lang>`
 * is right from the first paint; the page then follows the person's own locale or choice.
 */
export function pageLanguage(acceptLanguage: string | undefined): PageLanguage {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [range = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
      return { primary: range.split('-')[0]!, q: q === undefined ? 1 : Number(q), order };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  const match = ranges.find((range) => (PAGE_LANGUAGES as readonly string[]).includes(range.primary));
  return (match?.primary as PageLanguage | undefined) ?? PAGE_LANGUAGES[0];
}
