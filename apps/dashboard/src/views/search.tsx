import { useState, type FormEvent } from 'react';
import type { SubjectSummary } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { useI18n } from '../i18n/i18n';
import { href } from '../router';
import { useSession } from '../session';
import { revealed } from './revealed';

type Kind = 'id' | 'email' | 'phone' | 'externalId';
type Result =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'found'; items: SubjectSummary[] }
  | { state: 'error'; error: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds a subject by its id, or by an exact e-mail address, phone number or external id such as
 * `crm:4711` (the api looks those up through a blind index). The address stays in this page's memory: never in the URL or history.
 */
export function Search() {
  const { t } = useI18n();
  const { client, can } = useSession();
  const [kind, setKind] = useState<Kind>('id');
  const [value, setValue] = useState('');
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const kinds: Kind[] = can('lookup') ? ['id', 'email', 'phone', 'externalId'] : ['id'];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const query = value.trim();
    if (kind === 'id') {
      if (!UUID.test(query)) return setResult({ state: 'error', error: new Error('id') });
      location.hash = href.subject(query.toLowerCase());
      return;
    }
    setResult({ state: 'loading' });
    try {
      const found = await client.get<{ items: SubjectSummary[] }>(
        `/subjects?${new URLSearchParams({ [kind]: query })}`,
      );
      setResult({ state: 'found', items: found.items });
    } catch (error) {
      setResult({ state: 'error', error });
    }
  };

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t('search.title')}</h1>
      <form className="search" onSubmit={submit} role="search">
        <label>
          {t('search.by')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} name="kind">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`search.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('search.value')}
          <input
            name="query"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
            autoComplete="off"
            type={kind === 'email' ? 'email' : 'text'}
          />
        </label>
        <button type="submit" className="primary">
          {t('search.submit')}
        </button>
      </form>
      <SearchResult result={result} />
    </section>
  );
}

function SearchResult({ result }: { result: Result }) {
  const { t, term } = useI18n();
  if (result.state === 'idle') return null;
  if (result.state === 'loading') return <p className="note">{t('common.loading')}</p>;
  if (result.state === 'error')
    return result.error instanceof Error && result.error.message === 'id' ? (
      <p className="note error">{t('search.badId')}</p>
    ) : (
      <ErrorNote error={result.error} />
    );
  if (result.items.length === 0) return <p className="note">{t('search.none')}</p>;
  return (
    <ul className="results" aria-label={t('search.results')}>
      {result.items.map((item) => (
        <li key={item.subjectId}>
          <a href={href.subject(item.subjectId)}>
            <code>{item.subjectId}</code>
          </a>{' '}
          {item.contactPoints.map((point) => (
            <span key={point.contactPointId} className="chip">
              {term('channel', point.channel)}: {revealed(point.address, t)}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
