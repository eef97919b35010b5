import { useId, useState } from 'react';
import { privacyCenter } from '../api';
import { useI18n, type I18n } from '../i18n/i18n';
import type { Block, Me } from '../types';
import type { Actions } from './use-actions';

type ObjectionKind = 'direct_marketing' | 'profiling';

const OBJECTIONS: Array<{ kind: ObjectionKind; label: 'rights.directMarketing' | 'rights.profiling' }> = [
  { kind: 'direct_marketing', label: 'rights.directMarketing' },
  { kind: 'profiling', label: 'rights.profiling' },
];
const HELP = { direct_marketing: 'rights.directMarketingHelp', profiling: 'rights.profilingHelp' } as const;

/** Every channel the person could be reached on or asked about, not yet blocked. */
function blockableChannels(me: Me): string[] {
  const channels = new Set([
    ...me.contactPoints.map((p) => p.channel),
    ...me.topics.flatMap((topic) => topic.channels),
  ]);
  for (const block of me.blocks) if (block.kind === 'channel' && block.channel) channels.delete(block.channel);
  return [...channels];
}

/** Art. 21(2)-(3): an objection to direct marketing takes effect at once and needs no reason. */
function Objections({ me, actions }: { me: Me; actions: Actions }) {
  const { t, date } = useI18n();
  const object = (kind: ObjectionKind) =>
    actions.run(async () => {
      await privacyCenter.object({ kind });
      return t(`done.objected.${kind}`);
    });
  return OBJECTIONS.map(({ kind, label }) => {
    const raised = me.objections.find((objection) => objection.kind === kind && !objection.topicId);
    return (
      <div className="pc-action" key={kind}>
        <p>{t(HELP[kind])}</p>
        {raised ? (
          <p className="pc-in-effect">
            <strong>{t(label)}</strong>: {t('rights.inEffect', { date: date(raised.raisedAt) })}
          </p>
        ) : (
          <button type="button" disabled={actions.busy} onClick={() => object(kind)}>
            {t(label)}
          </button>
        )}
      </div>
    );
  });
}

/** What each block covers, in the person's words. */
function blockScope(block: Block, me: Me, label: I18n['label']): string {
  if (block.kind === 'channel' && block.channel) return label('channel', block.channel);
  if (block.kind === 'topic') return me.topics.find((topic) => topic.topicId === block.topicId)?.title ?? block.kind;
  return label('blockKind', block.kind);
}

function BlocksInEffect({ me }: { me: Me }) {
  const { t, label, date } = useI18n();
  const heading = useId();
  if (me.blocks.length === 0) return null;
  return (
    <>
      <h3 id={heading}>{t('rights.blocks')}</h3>
      <ul className="pc-list" aria-labelledby={heading}>
        {me.blocks.map((block) => (
          <li key={block.blockId}>
            {block.kind === 'global'
              ? t('rights.blockGlobal', { date: date(block.setAt) })
              : t('rights.blockOf', { channel: blockScope(block, me, label), date: date(block.setAt) })}
          </li>
        ))}
      </ul>
    </>
  );
}

function Blocks({ me, actions }: { me: Me; actions: Actions }) {
  const { t, label } = useI18n();
  const ids = { channel: useId() };
  const channels = blockableChannels(me);
  const [channel, setChannel] = useState(channels[0] ?? '');
  const chosen = channels.includes(channel) ? channel : (channels[0] ?? '');
  const global = me.blocks.some((block) => block.kind === 'global');
  const block = (kind: 'global' | 'channel') =>
    actions.run(async () => {
      await privacyCenter.block(kind === 'global' ? { kind } : { kind, channel: chosen });
      return kind === 'global'
        ? t('done.blocked.global')
        : t('done.blocked.channel', { channel: label('channel', chosen) });
    });
  return (
    <>
      {channels.length > 0 && (
        <form className="pc-form pc-action" onSubmit={(e) => (e.preventDefault(), void block('channel'))}>
          <label htmlFor={ids.channel}>{t('rights.blockChannel')}</label>
          <select id={ids.channel} value={chosen} onChange={(e) => setChannel(e.target.value)}>
            {channels.map((value) => (
              <option key={value} value={value}>
                {label('channel', value)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={actions.busy}>
            {t('rights.blockChannelSubmit')}
          </button>
        </form>
      )}
      {!global && (
        <div className="pc-action">
          <p>{t('rights.blockAllHelp')}</p>
          <button type="button" disabled={actions.busy} onClick={() => block('global')}>
            {t('rights.blockAll')}
          </button>
        </div>
      )}
      <BlocksInEffect me={me} />
    </>
  );
}

export function ObjectAndBlock({ me, actions }: { me: Me; actions: Actions }) {
  const { t } = useI18n();
  const heading = useId();
  return (
    <section className="pc-card" aria-labelledby={heading}>
      <h2 id={heading}>{t('overview.rights')}</h2>
      <Objections me={me} actions={actions} />
      <Blocks me={me} actions={actions} />
    </section>
  );
}
