import { useState, type FormEvent } from 'react';
import { createClient, type ApiClient } from '../api/client';
import type { Identity } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { LanguageSwitch } from '../components/language-switch';
import { useI18n } from '../i18n/i18n';

/** Signs in with an API key: valid if `GET /auth/me` accepts it; the answer says which roles it holds. */
export function SignIn({ onSignedIn }: { onSignedIn: (key: string, client: ApiClient, identity: Identity) => void }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const client = createClient(key.trim());
    try {
      onSignedIn(key.trim(), client, await client.get<Identity>('/auth/me'));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card">
        <div className="section-head">
          <h1>{t('app.title')}</h1>
          <LanguageSwitch />
        </div>
        <p>{t('signIn.intro')}</p>
        <label>
          {t('signIn.key')}
          <input
            name="api-key"
            type="password"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            required
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        {error !== undefined && <ErrorNote error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
        <p className="muted small">{t('signIn.storage')}</p>
      </form>
    </main>
  );
}
