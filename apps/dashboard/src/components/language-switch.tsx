import { useI18n, type Language } from '../i18n/i18n';

const LANGUAGES: Array<{ code: Language; name: string }> = [
  { code: 'de', name: 'Deutsch' },
  { code: 'en', name: 'English' },
];

/** Each language named in itself, so a reader who does not know the current one still finds theirs. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map(({ code, name }) => (
        <button key={code} type="button" lang={code} aria-pressed={language === code} onClick={() => setLanguage(code)}>
          {name}
        </button>
      ))}
    </div>
  );
}
