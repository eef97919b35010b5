import { useId } from 'react';
import { privacyCenter } from '../api';
import { useI18n, type I18n } from '../i18n/i18n';
import type { Consent, ContactPoint, Topic } from '../types';
import type { Actions } from './use-actions';

/** Statuses the person can withdraw from (Art. 7(3)): a pending confirmation included. */
const WITHDRAWABLE = new Set(['granted', 'pending-double-opt-in', 'reconsent-required']);

/** One row per channel and contact point; a channel never asked about still gets its row. */
function rowsOf(topic: Topic): Consent[] {
  return topic.channels.flatMap((channel) => {
    const found = topic.consents.filter((consent) => consent.channel === channel);
    return found.length > 0 ? found : [{ channel, status: 'never-asked' }];
  });
}

function since(consent: Consent, i18n: I18n): string {
  const status = i18n.label('status', consent.status);
  if (!consent.since) return status;
  const values = { status, date: i18n.date(consent.since) };
  // The method tells how a consent was given; a withdrawal or an expiry is no act of that kind.
  return consent.method && consent.status === 'granted'
    ? i18n.t('topic.since', { ...values, method: i18n.label('method', consent.method) })
    : i18n.t('topic.sinceNoMethod', values);
}

interface RowProps {
  topic: Topic;
  consent: Consent;
  contactPoints: ContactPoint[];
  actions: Actions;
}

/** Grant under the text shown (its version is the evidence), or withdraw: one click each. */
function useConsentActions({ topic, consent, actions }: Omit<RowProps, 'contactPoints'>) {
  const { t, label } = useI18n();
  const values = { topic: topic.title, channel: label('channel', consent.channel) };
  const { topicId } = topic;
  const grant = (textVersion: number) =>
    actions.run(async () => {
      const body = { topicId, channel: consent.channel, contactPointId: consent.contactPointId, textVersion };
      const answer = await privacyCenter.grant(body);
      return t(answer.outcome === 'granted' ? 'done.granted' : 'done.double-opt-in-sent', values);
    });
  const revoke = () =>
    actions.run(async () => {
      await privacyCenter.revoke({ topicId, channel: consent.channel });
      return t('done.revoked', values);
    });
  return { grant, revoke };
}

function ConsentRow({ topic, consent, contactPoints, actions }: RowProps) {
  const i18n = useI18n();
  const { grant, revoke } = useConsentActions({ topic, consent, actions });
  const channel = i18n.label('channel', consent.channel);
  const point = contactPoints.find((p) => p.contactPointId === consent.contactPointId);
  const reachable = contactPoints.some((p) => p.channel === consent.channel);
  // One "agree" per channel: not beside a consent on that channel that is live or awaiting confirmation.
  const live = topic.consents.some((c) => c.channel === consent.channel && WITHDRAWABLE.has(c.status));
  const text = topic.legalBasis === 'consent' && reachable && !live ? topic.text : null;
  const name = (verb: string) => `${verb}: ${topic.title}, ${channel}`;
  return (
    <li className="pc-row" data-status={consent.status}>
      <div>
        <strong>{channel}</strong> {point && <span className="pc-masked">{point.masked}</span>}
        <div className={`pc-status pc-status-${consent.status}`}>{since(consent, i18n)}</div>
      </div>
      {WITHDRAWABLE.has(consent.status) && (
        <button type="button" disabled={actions.busy} aria-label={name(i18n.t('topic.revoke'))} onClick={revoke}>
          {i18n.t('topic.revoke')}
        </button>
      )}
      {text && (
        <button
          type="button"
          className="pc-primary"
          disabled={actions.busy}
          aria-label={name(i18n.t('topic.grant'))}
          onClick={() => grant(text.version)}
        >
          {i18n.t('topic.grant')}
        </button>
      )}
    </li>
  );
}

/** A purpose with its exact current text (Art. 7(2): clear and plain, shown as agreed to). */
export function TopicCard({ topic, contactPoints, actions }: Omit<RowProps, 'consent'>) {
  const { t, label } = useI18n();
  const heading = useId();
  return (
    <article className="pc-card" aria-labelledby={heading} data-topic={topic.topicId}>
      <h3 id={heading}>{topic.title}</h3>
      <p>{topic.purpose}</p>
      <p className="pc-small">{t('topic.legalBasis', { basis: label('basis', topic.legalBasis) })}</p>
      {topic.profiling && <p className="pc-small">{t('topic.profiling')}</p>}
      {topic.text ? (
        <details className="pc-text">
          <summary>{t('topic.text', { version: topic.text.version })}</summary>
          <p lang={topic.text.language}>{topic.text.text}</p>
        </details>
      ) : (
        <p className="pc-small">{t('topic.noText')}</p>
      )}
      <h4>{t('topic.status')}</h4>
      <ul className="pc-rows">
        {rowsOf(topic).map((consent) => (
          <ConsentRow
            key={`${consent.channel}:${consent.contactPointId ?? ''}`}
            topic={topic}
            consent={consent}
            contactPoints={contactPoints}
            actions={actions}
          />
        ))}
      </ul>
    </article>
  );
}
