import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { NoticeRegion } from '../notice';
import type { Me } from '../types';
import { DataRequests } from './data-requests';
import { ObjectAndBlock } from './object-and-block';
import { TopicCard } from './topic-card';
import { useActions } from './use-actions';

export interface OverviewProps {
  me: Me;
  reload: () => Promise<void>;
  onSessionEnded: () => void;
}

/** Everything the ledger holds on the person's choices, and every change they can make to it. */
export function Overview({ me, reload, onSessionEnded }: OverviewProps) {
  const { t, label } = useI18n();
  const actions = useActions(reload, onSessionEnded);
  const ids = { topics: useId(), contact: useId() };
  return (
    <main className="pc-main" data-view="overview">
      <h1>{t('overview.heading')}</h1>
      <NoticeRegion notice={actions.notice} />
      <section aria-labelledby={ids.topics}>
        <h2 id={ids.topics}>{t('overview.topics')}</h2>
        {me.topics.length === 0 && <p>{t('overview.noTopics')}</p>}
        {me.topics.map((topic) => (
          <TopicCard key={topic.topicId} topic={topic} contactPoints={me.contactPoints} actions={actions} />
        ))}
      </section>
      <ObjectAndBlock me={me} actions={actions} />
      <DataRequests me={me} actions={actions} />
      <section className="pc-card" aria-labelledby={ids.contact}>
        <h2 id={ids.contact}>{t('overview.contactPoints')}</h2>
        {me.contactPoints.length === 0 ? (
          <p>{t('overview.noContactPoints')}</p>
        ) : (
          <ul className="pc-list">
            {me.contactPoints.map((point) => (
              <li key={point.contactPointId}>
                <span className="pc-channel">{label('channel', point.channel)}</span>{' '}
                <span className="pc-masked">{point.masked}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
