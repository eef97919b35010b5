import type { Language } from '../components/language-buttons';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { de } from './de';
import { en, type Dictionary } from './en';

export type { Language };
export type MessageKey = keyof Dictionary;

const DICTIONARIES: Record<Language, Dictionary> = { en, de };
const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };
const STORAGE = 'privacy-ledger.language';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** A message with `{name}` placeholders filled in. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  date: (iso: string | undefined) => string;
  number: (value: number) => string;
}

const Context = createContext<I18n | undefined>(undefined);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE);
  if (stored === 'en' || stored === 'de') return stored;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function makeI18n(language: Language, setLanguage: (language: Language) => void): I18n {
  const dictionary = DICTIONARIES[language];
  const dates = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' });
  const numbers = new Intl.NumberFormat(LOCALES[language]);
  return {
    language,
    setLanguage,
    t: (key, values = {}) =>
      dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)),
    date: (iso) => (iso ? dates.format(new Date(iso)) : '–'),
    number: (value) => numbers.format(value),
  };
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo(
    () =>
      makeI18n(language, (next) => {
        localStorage.setItem(STORAGE, next);
        document.documentElement.lang = next;
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
