/** Why a contact is denied; every code that applies is listed, each with the events it rests on. */
export const CONTACTABILITY_REASONS = [
  'SUBJECT.UNKNOWN',
  'SUBJECT.ERASED',
  'TOPIC.UNKNOWN',
  'TOPIC.RETIRED',
  'TOPIC.CHANNEL_NOT_ALLOWED',
  'BLOCK.GLOBAL',
  'BLOCK.CHANNEL',
  'BLOCK.CONTACT_POINT',
  'BLOCK.TOPIC',
  'OBJECTION.DIRECT_MARKETING',
  'OBJECTION.TOPIC',
  'OBJECTION.CHANNEL',
  'OBJECTION.PROFILING',
  'TOPIC.NO_PROFILING',
  'CONSENT.NEVER_ASKED',
  'CONSENT.REVOKED',
  'CONSENT.EXPIRED',
  'CONSENT.RECONSENT_REQUIRED',
  'CONSENT.DOUBLE_OPT_IN_PENDING',
  'CONTACT_POINT.UNKNOWN',
  'CONTACT_POINT.REMOVED',
  'CONTACT_POINT.CHANNEL_MISMATCH',
  'CONTACT_POINT.NONE_ON_CHANNEL',
] as const;

export type ContactabilityReasonCode = (typeof CONTACTABILITY_REASONS)[number];

export type ContactabilityReason = { code: ContactabilityReasonCode; eventIds: string[] };

export type Contactability = {
  allowed: boolean;
  reasons: ContactabilityReason[];
  /** The contact points on the channel that may be used (empty when denied). */
  contactPointIds: string[];
};

/** A contact decision with the profiling decision beside it (Art. 21(2), see contactability.profiling). */
export type ContactabilityAnswer = Contactability & {
  profilingAllowed: boolean;
  /** Why profiling is not allowed: the contact's reasons, then TOPIC.NO_PROFILING, OBJECTION.PROFILING. */
  profilingReasons: ContactabilityReason[];
};

export const reason = (
  code: ContactabilityReasonCode,
  ...eventIds: Array<string | undefined>
): ContactabilityReason => ({
  code,
  eventIds: eventIds.filter((id): id is string => id !== undefined),
});

export const denied = (...reasons: ContactabilityReason[]): Contactability => ({
  allowed: false,
  reasons,
  contactPointIds: [],
});

/** One entry per code, the event ids of all its occurrences together, in first-seen order. */
export function mergeReasons(reasons: readonly ContactabilityReason[]): ContactabilityReason[] {
  // Most answers carry no reason or one: no map and sets for them (every check comes here).
  if (reasons.length === 0) return [];
  if (reasons.length === 1 && reasons[0]!.eventIds.length < 2) return [reasons[0]!];
  const byCode = new Map<ContactabilityReasonCode, Set<string>>();
  for (const { code, eventIds } of reasons) {
    const ids = byCode.get(code) ?? new Set<string>();
    eventIds.forEach((id) => ids.add(id));
    byCode.set(code, ids);
  }
  return [...byCode].map(([code, ids]) => ({ code, eventIds: [...ids] }));
}
