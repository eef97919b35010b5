import type { Channel } from '../shared/channel';
import type { Event } from '../shared/message';
import type { ActEvidence } from './act-evidence';

/** A contact block (Werbesperre) of one degree: everything, a channel, one address, or one topic. */
export type BlockScope =
  | { kind: 'global' }
  | { kind: 'channel'; channel: Channel }
  | { kind: 'contact_point'; contactPointId: string }
  | { kind: 'topic'; topicId: string };

export const BLOCK_REFERENCE_KINDS = ['communication', 'request', 'complaint', 'objection', 'other'] as const;

/** The communication or request that caused the block: the proof of why it exists. */
export type BlockReference = { kind: (typeof BLOCK_REFERENCE_KINDS)[number]; id: string };

export type ContactBlockSet = Event<
  'ContactBlockSet',
  {
    subjectId: string;
    blockId: string;
    scope: BlockScope;
    reason: string;
    reference: BlockReference;
    setAt: string;
    evidence?: ActEvidence;
  }
>;

export type ContactBlockLifted = Event<
  'ContactBlockLifted',
  { subjectId: string; blockId: string; reason?: string; liftedAt: string }
>;

export type BlockEvent = ContactBlockSet | ContactBlockLifted;
