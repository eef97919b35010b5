import type { Language } from '../i18n/languages';

export type { Language };

const LANGUAGES: Array<{ code: Language; name: string }> = [
  { code: 'de', name: 'Deutsch' },
  { code: 'en', name: 'English' },
];

export interface LanguageButtonsProps {
  language: Language;
  /** The group's accessible name ("Language" in the current language). */
  label: string;
  className: string;
  onChoose: (language: Language) => void;
}

/** Each language named in itself, so a reader who does not know the current one still finds theirs. */
export function LanguageButtons({ language, label, className, onChoose }: LanguageButtonsProps) {
  return (
    <div className={className} role="group" aria-label={label}>
      {LANGUAGES.map(({ code, name }) => (
        <button key={code} type="button" lang={code} aria-pressed={language === code} onClick={() => onChoose(code)}>
          {name}
        </button>
      ))}
    </div>
  );
}
