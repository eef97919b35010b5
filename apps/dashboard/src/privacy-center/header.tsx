import { useI18n, type Language } from './i18n/i18n';

const LANGUAGES: Array<{ code: Language; name: string }> = [
  { code: 'de', name: 'Deutsch' },
  { code: 'en', name: 'English' },
];

/** Each language named in itself, so a reader who does not know the current one still finds theirs. */
function LanguageSwitch() {
  const { language, choose, t } = useI18n();
  return (
    <div className="pc-language" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map(({ code, name }) => (
        <button key={code} type="button" lang={code} aria-pressed={language === code} onClick={() => choose(code)}>
          {name}
        </button>
      ))}
    </div>
  );
}

export function Header({ expiresAt, onSignOut }: { expiresAt?: string; onSignOut: () => void }) {
  const { t, time } = useI18n();
  return (
    <header className="pc-header">
      <span className="pc-brand">{t('app.title')}</span>
      <LanguageSwitch />
      {expiresAt && (
        <div className="pc-session">
          <span>{t('app.signedInUntil', { time: time(expiresAt) })}</span>
          <button type="button" onClick={onSignOut}>
            {t('app.signOut')}
          </button>
        </div>
      )}
    </header>
  );
}
