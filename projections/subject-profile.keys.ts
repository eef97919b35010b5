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
  };
}

/**
 * One record per (topic, channel), the most favourable one, so that figures count people even
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

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
