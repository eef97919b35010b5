import { DEFAULT_LANGUAGE, isLanguage, type Language, languageFromCookie } from '../../../dashboard/src/i18n/languages';

/** RFC 9110 §12.4.2: the tokens of an Accept-* header with their weights, best first; q=0 means "not this". */
export function weighted(header: string | undefined): Array<{ token: string; q: number }> {
  return (header ?? '')
    .split(',')
    .map((part) => {
      const [token = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith('q='));
      return { token, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter(({ token, q }) => token !== '' && q > 0 && Number.isFinite(q))
    .sort((a, b) => b.q - a.q);
}

export type Encoding = 'br' | 'gzip';

/** The best encoding both sides have; brotli wins a tie (it is smaller). Identity when none fits. */
export function preferredEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  const accepted = weighted(acceptEncoding);
  const weight = (encoding: Encoding) =>
    accepted.find(({ token }) => token === encoding)?.q ?? accepted.find(({ token }) => token === '*')?.q ?? 0;
  const ranked = available.filter((encoding) => weight(encoding) > 0);
  return ranked.sort((a, b) => weight(b) - weight(a) || (a === 'br' ? -1 : 1))[0];
}

/** The page's language: the user's choice (cookie), else the browser's first language we have. */
export function pageLanguage(cookie: string | undefined, acceptLanguage: string | undefined): Language {
  const chosen = languageFromCookie(cookie);
  if (chosen) return chosen;
  const offered = weighted(acceptLanguage).map(({ token }) => token.split('-')[0]);
  return offered.find(isLanguage) ?? DEFAULT_LANGUAGE;
}
