import type { BlockEvent } from '#domain';
import type { ProfileBase } from './subject-profile.document';

export function applyBlockEvent(doc: ProfileBase, event: BlockEvent, eventId: string): ProfileBase {
  switch (event.type) {
    case 'ContactBlockSet': {
      const { blockId, scope, reason, reference, setAt } = event.data;
      const block = { blockId, scope, reason, reference, setAt, eventId };
      return { ...doc, blocks: [...doc.blocks.filter((b) => b.blockId !== blockId), block] };
    }
    case 'ContactBlockLifted':
      return { ...doc, blocks: doc.blocks.filter((b) => b.blockId !== event.data.blockId) };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/**
 * Art. 17 by crypto-shredding: the key is gone, so the ciphertext is noise, but the read model drops
 * it anyway and keeps only what proves the erasure and keeps the subject uncontactable: ids,
 * channels, consent states and blocks (their reasons removed).
 */
export function eraseProfile(doc: ProfileBase, eventId: string): ProfileBase {
  return {
    ...doc,
    erased: true,
    erasedEventId: eventId,
    contactPoints: doc.contactPoints.map(({ contactPointId, channel }) => ({
      status: 'removed',
      contactPointId,
      channel,
      eventId,
    })),
    profile: {},
    externalIds: [],
    objections: doc.objections.map(({ reason: _reason, ...objection }) => objection),
    blocks: doc.blocks.map(({ reason: _reason, ...block }) => block),
    legalHolds: doc.legalHolds.map(({ reason: _reason, ...hold }) => hold),
  };
}
