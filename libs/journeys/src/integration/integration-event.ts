import type { AnchorRecord } from '#application';

/**
 * The public schema connected systems (journeys, CRMs, ad platforms) receive on the feed and on
 * webhooks. Versioned in the type name: a changed shape becomes `*.v2`, `v1` is never edited.
 * It carries no personal data (Art. 5(1)(c), 25): ids, topic and channel names, states and codes.
 * Documented in docs/integration-events.md.
 */
export const INTEGRATION_EVENT_TYPES = [
  'consent.changed.v1',
  'objection.raised.v1',
  'contact-block.changed.v1',
  'subject.erasure-requested.v1',
  'subject.erased.v1',
  'audit.checkpoint.v1',
] as const;

export type IntegrationEventType = (typeof INTEGRATION_EVENT_TYPES)[number];

export type ConsentState = 'pending-double-opt-in' | 'granted' | 'revoked';
export type BlockState = 'blocked' | 'lifted';

export interface IntegrationEvent {
  /** The id of the domain event it was derived from: stable across redeliveries, for deduplication. */
  id: string;
  type: IntegrationEventType;
  /** Pseudonymous subject id (uuid); never an address or a name. Absent only on `audit.checkpoint.v1`. */
  subjectId?: string;
  topicId?: string;
  channel?: string;
  /**
   * The kind of an objection or block: direct_marketing, global, channel, contact_point, topic, or
   * profiling (Art. 21(2): stop personalising; contact may go on, unpersonalised).
   */
  scope?: string;
  contactPointId?: string;
  blockId?: string;
  newState: ConsentState | BlockState | 'objected' | 'erasure-requested' | 'erased' | 'anchored';
  /** A code, never free text: evidence method, `withdrawn`, or the erasure cause. */
  reason?: string;
  /** The global position in the ledger's log: the SSE id and the resume point. */
  position: number;
  /** When the change took effect (ISO 8601), as recorded by the command. */
  time: string;
  /**
   * `audit.checkpoint.v1` only: the signed checkpoint, the very line `ledger checkpoints --export`
   * writes, so a receiver keeps an independent copy that `ledger verify --anchors` reads.
   */
  anchor?: AnchorRecord;
}

export function isIntegrationEventType(value: string): value is IntegrationEventType {
  return (INTEGRATION_EVENT_TYPES as readonly string[]).includes(value);
}
