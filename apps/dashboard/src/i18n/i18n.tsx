import { createContext, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { refusalsDe } from './codes/refusals.de';
import { refusalsEn } from './codes/refusals.en';
import { termsDe } from './codes/terms.de';
import { type Terms, termsEn } from './codes/terms.en';
import { de } from './de';
import { en, type Dictionary } from './en';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_COOKIE, type Language, languageFromCookie } from './languages';

export type { Language } from './languages';
export type MessageKey = keyof Dictionary;
/** A message with plural forms: `<key>.one`, `<key>.other` (and any other form Intl.PluralRules names). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];
export type TermKind = keyof Terms;

interface Messages {
  dictionary: Dictionary;
  refusals: Readonly<Record<string, string>>;
  terms: Terms;
  locale: string;
}

const MESSAGES: Record<Language, Messages> = {
  en: { dictionary: en, refusals: refusalsEn, terms: termsEn, locale: 'en-GB' },
  de: { dictionary: de, refusals: refusalsDe, terms: termsDe, locale: 'de-DE' },
};

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** A message with `{name}` placeholders filled in. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A message in the plural form `count` needs ("1 anchor", "2 anchors"); `{count}` is the number, formatted. */
  tn: (key: PluralKey, count: number, values?: Record<string, string | number>) => string;
  /** A channel, evidence method, legal basis, field name or contactability reason in words; unknown ones as sent. */
  term: (kind: TermKind, code: string) => string;
  /** An api refusal code in words, if the catalogue has it. */
  refusal: (code: string) => string | undefined;
  date: (iso: string | undefined) => string;
  number: (value: number) => string;
}

const Context = createContext<I18n | undefined>(undefined);

/** The user's choice (cookie), else the language the server wrote into `<html lang>` from Accept-Language. */
function initialLanguage(): Language {
  const served = document.documentElement.lang;
  return languageFromCookie(document.cookie) ?? (isLanguage(served) ? served : DEFAULT_LANGUAGE);
}

export function makeI18n(language: Language, setLanguage: (language: Language) => void): I18n {
  const { dictionary, refusals, terms, locale } = MESSAGES[language];
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const t: I18n['t'] = (key, values = {}) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  return {
    language,
    setLanguage,
    t,
    tn: (key, count, values = {}) => {
      const form = `${key}.${plurals.select(count)}`;
      return t(form in dictionary ? (form as MessageKey) : (`${key}.other` as MessageKey), {
        ...values,
        count: numbers.format(count),
      });
    },
    term: (kind, code) => terms[kind][code] ?? terms[kind][code.split('.').pop() ?? ''] ?? code,
    refusal: (code) => refusals[code],
    date: (iso) => (iso ? dates.format(new Date(iso)) : '–'),
    number: (value) => numbers.format(value),
  };
}

/** Remembered in a cookie (not personal data) so the api serves the page in this language next time. */
function rememberLanguage(language: Language): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and older Safari; the value is one of two fixed words
  document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Strict`;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  // WCAG 3.1.1: screen readers pick their voice by it. The api already served the page with it; the dev server did not.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(
    () =>
      makeI18n(language, (next) => {
        rememberLanguage(next);
        setLanguageState(next);
      }),
    [language],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}
