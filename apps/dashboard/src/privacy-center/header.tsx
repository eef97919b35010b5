import { LanguageButtons } from '../components/language-buttons';
import { useI18n } from './i18n/i18n';

function LanguageSwitch() {
  const { language, choose, t } = useI18n();
  return <LanguageButtons language={language} label={t('app.language')} className="pc-language" onChoose={choose} />;
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
