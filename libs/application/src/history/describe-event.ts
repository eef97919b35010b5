import { PRIVACY_DESCRIBERS } from './describe-privacy-event';
import { both, channelName, methodName, type Bilingual, type Lang } from './labels';

/** An event as the timeline sees it: personal fields already redacted or decrypted by the caller. */
export interface DescribableEvent {
  type: string;
  data: Record<string, any>;
}

/** Topic titles by id; an unknown topic shows its id. */
export type TopicTitles = (topicId: string) => string;

type Describer = (data: Record<string, any>, lang: Lang, title: TopicTitles) => string;

const pick = (lang: Lang, en: string, de: string) => (lang === 'en' ? en : de);

function objectionTarget(scope: Record<string, any>, lang: Lang, title: TopicTitles): string {
  if (scope?.kind === 'topic') return pick(lang, `to ${title(scope.topicId)}`, `gegen ${title(scope.topicId)}`);
  if (scope?.kind === 'channel')
    return pick(
      lang,
      `to contact by ${channelName(scope.channel, lang)}`,
      `gegen Kontakt per ${channelName(scope.channel, lang)}`,
    );
  if (scope?.kind === 'profiling')
    return scope.topicId === undefined
      ? pick(lang, 'to profiling', 'gegen Profiling')
      : pick(lang, `to profiling for ${title(scope.topicId)}`, `gegen Profiling für ${title(scope.topicId)}`);
  return pick(lang, 'to direct marketing', 'gegen Direktwerbung');
}

function blockTarget(scope: Record<string, any>, lang: Lang, title: TopicTitles): string {
  switch (scope?.kind) {
    case 'channel':
      return pick(lang, `channel ${channelName(scope.channel, lang)}`, `Kanal ${channelName(scope.channel, lang)}`);
    case 'contact_point':
      return pick(lang, 'one contact point', 'ein Kontaktpunkt');
    case 'topic':
      return pick(lang, `topic ${title(scope.topicId)}`, `Thema ${title(scope.topicId)}`);
    default:
      return pick(lang, 'all contact', 'jeder Kontakt');
  }
}

/** Never a personal value: names of fields and channels, ids, versions and times only. */
const DESCRIBERS: Record<string, Describer> = {
  SubjectRegistered: (d, l) => {
    const channels =
      (d.contactPoints ?? []).map((cp: { channel: unknown }) => channelName(cp.channel, l)).join(', ') || '-';
    return pick(
      l,
      `Subject registered (locale ${d.locale}), contact points: ${channels}`,
      `Betroffene Person registriert (Sprache ${d.locale}), Kontaktpunkte: ${channels}`,
    );
  },
  ContactPointAdded: (d, l) =>
    pick(
      l,
      `Contact point added: ${channelName(d.channel, l)}`,
      `Kontaktpunkt hinzugefügt: ${channelName(d.channel, l)}`,
    ),
  ContactPointRectified: (_d, l) => pick(l, 'Contact point corrected (Art. 16)', 'Kontaktpunkt berichtigt (Art. 16)'),
  ContactPointRemoved: (_d, l) => pick(l, 'Contact point removed', 'Kontaktpunkt entfernt'),
  ProfileRectified: (d, l) => {
    const fields = Object.keys(d.changes ?? {}).join(', ');
    return pick(l, `Profile corrected (Art. 16): ${fields}`, `Profil berichtigt (Art. 16): ${fields}`);
  },
  ConsentGranted: (d, l, t) => {
    const how = `${methodName(d.evidence?.method, l)}, ${pick(l, 'text version', 'Textversion')} ${d.evidence?.textVersion}`;
    return pick(
      l,
      `Consent granted for ${t(d.topicId)} by ${channelName(d.channel, l)} (${how})`,
      `Einwilligung für ${t(d.topicId)} per ${channelName(d.channel, l)} erteilt (${how})`,
    );
  },
  ConsentRevoked: (d, l, t) =>
    pick(
      l,
      `Consent revoked for ${t(d.topicId)} by ${channelName(d.channel, l)}`,
      `Einwilligung für ${t(d.topicId)} per ${channelName(d.channel, l)} widerrufen`,
    ),
  ObjectionRaised: (d, l, t) =>
    pick(
      l,
      `Objection raised ${objectionTarget(d.scope, l, t)} (Art. 21)`,
      `Widerspruch ${objectionTarget(d.scope, l, t)} eingelegt (Art. 21)`,
    ),
  DoubleOptInRequested: (d, l, t) =>
    pick(
      l,
      `Double opt-in requested for ${t(d.topicId)} by ${channelName(d.channel, l)} (text version ${d.textVersion}, valid until ${d.expiresAt})`,
      `Double-Opt-in für ${t(d.topicId)} per ${channelName(d.channel, l)} angefordert (Textversion ${d.textVersion}, gültig bis ${d.expiresAt})`,
    ),
  DoubleOptInConfirmed: (_d, l) =>
    pick(l, 'Double opt-in confirmed by the subject', 'Double-Opt-in von der betroffenen Person bestätigt'),
  DoubleOptInExpired: (d, l) =>
    pick(
      l,
      `Double opt-in expired unconfirmed at ${d.expiredAt}`,
      `Double-Opt-in unbestätigt abgelaufen am ${d.expiredAt}`,
    ),
  ContactBlockSet: (d, l, t) => {
    const ref = `${d.reference?.kind} ${d.reference?.id}`;
    return pick(
      l,
      `Contact block set: ${blockTarget(d.scope, l, t)} (because of ${ref})`,
      `Werbesperre gesetzt: ${blockTarget(d.scope, l, t)} (wegen ${ref})`,
    );
  },
  ContactBlockLifted: (_d, l) => pick(l, 'Contact block lifted', 'Werbesperre aufgehoben'),
  ...PRIVACY_DESCRIBERS,
};

export function describeEvent(event: DescribableEvent, title: TopicTitles): Bilingual {
  const describe = DESCRIBERS[event.type];
  return both((lang) =>
    describe
      ? describe(event.data, lang, title) + actedVia(event, lang)
      : pick(lang, `${event.type} recorded`, `${event.type} erfasst`),
  );
}

/** How the person acted themselves (a grant names its method in its own words already). */
function actedVia({ type, data }: DescribableEvent, lang: Lang): string {
  const method = data.evidence?.method;
  return method === undefined || type === 'ConsentGranted' ? '' : ` (${methodName(method, lang)})`;
}
