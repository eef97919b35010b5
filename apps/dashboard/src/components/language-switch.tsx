import { useI18n } from '../i18n/i18n';
import { LanguageButtons } from './language-buttons';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return <LanguageButtons language={language} label={t('app.language')} className="language" onChoose={setLanguage} />;
}
