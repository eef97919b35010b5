import type { Event } from '../shared/message';

/** Art. 16: links the subject to its id in `system`, replacing an earlier id of that system. */
export type ExternalIdLinked = Event<
  'ExternalIdLinked',
  { subjectId: string; system: string; id: string; linkedAt: string }
>;

export type ExternalIdUnlinked = Event<'ExternalIdUnlinked', { subjectId: string; system: string; unlinkedAt: string }>;

export type ExternalIdEvent = ExternalIdLinked | ExternalIdUnlinked;

/** The id is personal (it names the person in the other system); the system's name is not. */
export const externalIdPersonalFields = {
  ExternalIdLinked: ['id'],
  ExternalIdUnlinked: [],
} as const satisfies { readonly [T in ExternalIdEvent['type']]: readonly string[] };
