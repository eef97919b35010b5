import type { Language } from '../../i18n/languages';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { de } from './de';
import { en, type Dictionary } from './en';

export type { Language };
export type MessageKey = keyof Dictionary;

const DICTIONARIES: Record<Language, Dictionary> = { en, de };
const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };
/** Only a choice the person made on this page is remembered; it wins over their stored locale. */
const STORAGE = 'privacy-center.language';

export interface I18n {
  language: Language;
  /** The person switched languages: remembered on this device. */
  choose: (language: Language) => void;
  /** The person's locale from the ledger, used unless they chose a language here. */
  adopt: (locale: string) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A label from a family (`channel.`, `status.`, ...); a value the page has no word for reads as is. */
  label: (family: string, value: string) => string;
  date: (iso: string | undefined) => string;
  time: (iso: string) => string;
}

const Context = createContext<I18n | undefined>(undefined);

export const languageOf = (locale: string): Language => (locale.toLowerCase().startsWith('de') ? 'de' : 'en');

/** The server wrote `<html lang>` from Accept-Language, so the first paint already has it. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE);
  if (stored === 'en' || stored === 'de') return stored;
  return languageOf(document.documentElement.lang);
}

function show(language: Language): void {
  document.documentElement.lang = language;
  document.title = DICTIONARIES[language]['app.title'];
}

export function makeI18n(language: Language, choose: I18n['choose'], adopt: I18n['adopt']): I18n {
  const dictionary = DICTIONARIES[language];
  const dates = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long' });
  const times = new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'short' });
  const t: I18n['t'] = (key, values = {}) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  return {
    language,
    choose,
    adopt,
    t,
    label: (family, value) => {
      const key = `${family}.${value}`;
      return key in dictionary ? dictionary[key as MessageKey] : value.replace(/_/g, ' ');
    },
    date: (iso) => (iso ? dates.format(new Date(iso)) : '–'),
    time: (iso) => times.format(new Date(iso)),
  };
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => {
    const first = initialLanguage();
    show(first);
    return first;
  });
  const apply = useCallback((next: Language) => {
    show(next);
    setLanguage(next);
  }, []);
  const choose = useCallback(
    (next: Language) => {
      localStorage.setItem(STORAGE, next);
      apply(next);
    },
    [apply],
  );
  const adopt = useCallback(
    (locale: string) => {
      if (localStorage.getItem(STORAGE) === null) apply(languageOf(locale));
    },
    [apply],
  );
  const value = useMemo(() => makeI18n(language, choose, adopt), [language, choose, adopt]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}
