import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';

/** An api refusal in words; a route the api does not (yet) have reads "not available". */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.code === 'HTTP.NOT_FOUND')
    return <p className="note unavailable">{t('common.notAvailable')}</p>;
  if (error instanceof ApiError && error.status === 403)
    return (
      <p className="note error" role="alert">
        {t('common.forbidden')}
      </p>
    );
  if (error instanceof ApiError) {
    return (
      <p className="note error" role="alert">
        <code>{error.code}</code> {error.message}
      </p>
    );
  }
  return (
    <p className="note error" role="alert">
      {t('common.networkError')}
    </p>
  );
}
