import type { Event } from '../shared/message';

/**
 * Art. 17(3)(b), (e): a legal obligation (e.g. invoices kept ten years, HGB § 257, AO § 147) or
 * a legal claim keeps the data until `until`; erasure waits for it. Placed and released by a dpo.
 */
export type LegalHoldPlaced = Event<
  'LegalHoldPlaced',
  { subjectId: string; holdId: string; reason: string; until: string; placedBy: string; placedAt: string }
>;

export type LegalHoldReleased = Event<
  'LegalHoldReleased',
  { subjectId: string; holdId: string; reason?: string; releasedAt: string }
>;

export type LegalHoldEvent = LegalHoldPlaced | LegalHoldReleased;

export const legalHoldPersonalFields: { readonly [T in LegalHoldEvent['type']]: readonly string[] } = {
  LegalHoldPlaced: ['reason'],
  LegalHoldReleased: ['reason'],
};
