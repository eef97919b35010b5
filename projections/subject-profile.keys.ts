import type { DerivedKeys, ProfileConsent, SubjectProfileDocument } from './subject-profile.document';

/**
 * Index keys use `/` as separator: topic ids may contain `:` and `.`, never `/`.
 * They are recomputed from the document after every event, so they can never drift from it.
 */
export const keyOf = (...parts: Array<string | number>): string => parts.join('/');

const STATUS_RANK: Record<ProfileConsent['status'], number> = {
  granted: 4,
  'pending-double-opt-in': 3,
  revoked: 2,
  expired: 1,
};

/** An erased subject (Art. 17) is in no lookup, audience or figure any more. */
const NO_KEYS: DerivedKeys = {
  lookupKeys: [],
  channels: [],
  consentKeys: [],
  statusKeys: [],
  askedKeys: [],
  blockKeys: [],
};

export function withDerivedKeys(doc: Omit<SubjectProfileDocument, keyof DerivedKeys>): SubjectProfileDocument {
  if (doc.erased) return { ...doc, ...NO_KEYS };
  const active = doc.contactPoints.filter((point) => point.status === 'active');
  const channels = unique(active.map((point) => point.channel));
  return {
    ...doc,
    lookupKeys: unique([
      ...active.flatMap((point) => (point.status === 'active' && point.lookupKey ? [point.lookupKey] : [])),
      ...doc.externalIds.flatMap((link) => (link.lookupKey ? [link.lookupKey] : [])),
    ]),
    channels,
    consentKeys: unique(
      doc.consents.filter((c) => c.status === 'granted').map((c) => keyOf(c.scope.topicId, c.scope.channel)),
    ),
    statusKeys: summaryRecords(doc.consents).map(statusKey),
    askedKeys: unique(
      doc.consents
        .filter((c) => channels.includes(c.scope.channel))
        .map((c) => keyOf(c.scope.topicId, c.scope.channel)),
    ),
    blockKeys: blockKeys(doc),
  };
}

/**
 * One record per (topic, channel), the most favourable one, so that counts are of subjects even
 * when consents were given per contact point.
 */
export function summaryRecords(consents: readonly ProfileConsent[]): ProfileConsent[] {
  const best = new Map<string, ProfileConsent>();
  for (const consent of consents) {
    const key = keyOf(consent.scope.topicId, consent.scope.channel);
    const current = best.get(key);
    if (current === undefined || STATUS_RANK[consent.status] > STATUS_RANK[current.status]) best.set(key, consent);
  }
  return [...best.values()];
}

/**
 * Statuses that change with time alone (a pending double opt-in, a grant with an expiry) get keys
 * of their own: figures evaluate those few documents at `now` instead of trusting the key.
 */
export function statusKey(consent: ProfileConsent): string {
  const { topicId, channel } = consent.scope;
  switch (consent.status) {
    case 'granted':
      return consent.grant.expiresAt === undefined
        ? keyOf(topicId, channel, 'granted', `v${consent.grant.evidence.textVersion}`)
        : keyOf(topicId, channel, 'granted-expiring');
    case 'pending-double-opt-in':
      return keyOf(topicId, channel, 'pending');
    case 'revoked':
      return keyOf(topicId, channel, 'revoked');
    case 'expired':
      return keyOf(topicId, channel, 'expired');
    default: {
      const unreachable: never = consent;
      return unreachable;
    }
  }
}

/**
 * Blocks and Art. 21 objections by degree. A global block or a direct-marketing objection gives
 * `all` alone; otherwise channel and topic degrees plus each topic x channel pair, so that
 * "blocked for (t, c)" = all + channel/c + topic/t - topic/t/channel/c exactly.
 */
function blockKeys(doc: Pick<SubjectProfileDocument, 'blocks' | 'objections'>): string[] {
  const scopes = [...doc.blocks.map((b) => b.scope), ...doc.objections.map((o) => o.scope)];
  if (scopes.some((s) => s.kind === 'global' || s.kind === 'direct_marketing')) return ['all'];
  const channels = unique(scopes.flatMap((s) => (s.kind === 'channel' ? [s.channel] : [])));
  const topics = unique(scopes.flatMap((s) => (s.kind === 'topic' ? [s.topicId] : [])));
  const pairs = topics.flatMap((t) => channels.map((c) => keyOf('topic', t, 'channel', c)));
  return [...channels.map((c) => keyOf('channel', c)), ...topics.map((t) => keyOf('topic', t)), ...pairs];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
