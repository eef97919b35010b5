import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';

/**
 * An api refusal in words of the chosen language, with the field it names and its stable code (for
 * support); a code the catalogue lacks shows the api's own message. A route the api does not (yet)
 * have reads "not available".
 */
export function ErrorNote({ error }: { error: unknown }) {
  const { t, term, refusal } = useI18n();
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
        {refusal(error.code) ?? error.message}
        {error.field && ` ${t('common.field', { field: term('field', error.field) })}`} <code>{error.code}</code>
      </p>
    );
  }
  return (
    <p className="note error" role="alert">
      {t('common.networkError')}
    </p>
  );
}
