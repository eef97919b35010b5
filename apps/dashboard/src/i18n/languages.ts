/**
 * The dashboard's languages and the cookie that remembers the choice. The api reads the same cookie
 * to write `<html lang>` into the page it serves, so the language is right from the first paint.
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_COOKIE = 'ledger-language';

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The language named in a `Cookie` header (or `document.cookie`), if it is one of ours. */
export function languageFromCookie(cookies: string | undefined): Language | undefined {
  for (const pair of (cookies ?? '').split(';')) {
    const [name, value] = pair.split('=').map((part) => part.trim());
    if (name === LANGUAGE_COOKIE && isLanguage(value)) return value;
  }
  return undefined;
}
