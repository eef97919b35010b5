import { useState, type FormEvent } from 'react';
import type { Contactability, SubjectProfile } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';

type Answer = { state: 'idle' } | { state: 'ok'; data: Contactability } | { state: 'error'; error: unknown };

/** "May we contact this person about this topic on this channel, now?", as a journey would ask. */
export function ContactabilityCheck({ subject }: { subject: SubjectProfile }) {
  const { t, term } = useI18n();
  const { client } = useSession();
  const [topic, setTopic] = useState(subject.consents[0]?.topicId ?? '');
  const [channel, setChannel] = useState(subject.consents[0]?.channel ?? subject.contactPoints?.[0]?.channel ?? '');
  const [answer, setAnswer] = useState<Answer>({ state: 'idle' });
  const topics = [...new Set(subject.consents.map((c) => c.topicId))];
  const channels = [
    ...new Set([...subject.consents.map((c) => c.channel), ...(subject.contactPoints ?? []).map((p) => p.channel)]),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const query = new URLSearchParams({ topicId: topic, channel });
      setAnswer({
        state: 'ok',
        data: await client.get<Contactability>(`/subjects/${subject.subjectId}/contactability?${query}`),
      });
    } catch (error) {
      setAnswer({ state: 'error', error });
    }
  };

  return (
    <section className="card" aria-labelledby="contactability-title">
      <h2 id="contactability-title">{t('contactability.title')}</h2>
      <form className="inline-form" onSubmit={submit}>
        <label>
          {t('common.topic')}
          <input list="contactability-topics" value={topic} onChange={(e) => setTopic(e.target.value)} required />
        </label>
        <datalist id="contactability-topics">
          {topics.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <label>
          {t('common.channel')}
          <input list="contactability-channels" value={channel} onChange={(e) => setChannel(e.target.value)} required />
        </label>
        <datalist id="contactability-channels">
          {channels.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <button type="submit">{t('contactability.check')}</button>
      </form>
      {answer.state === 'error' && <ErrorNote error={answer.error} />}
      {answer.state === 'ok' && (
        <div
          className={`verdict ${answer.data.allowed ? 'ok' : 'bad'}`}
          role="status"
          data-testid="contactability-verdict"
        >
          <strong>{answer.data.allowed ? t('contactability.allowed') : t('contactability.denied')}</strong>
          <span> · {t('contactability.legalBasis', { basis: term('legalBasis', answer.data.legalBasis) })}</span>
          {answer.data.reasons.length > 0 && (
            <ul>
              {answer.data.reasons.map((reason) => (
                <li key={reason.code}>
                  {term('reason', reason.code)} <code>{reason.code}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
