import type { Command } from '../shared/message';
import type { SubjectContext } from './subject.context';

/** `placedBy` is the acting API key's name (the edge allows only dpo keys), never a person's name. */
export type PlaceLegalHold = Command<
  'PlaceLegalHold',
  { holdId: string; reason: string; until: string; placedBy: string },
  SubjectContext
>;

export type ReleaseLegalHold = Command<'ReleaseLegalHold', { holdId: string; reason?: string }, SubjectContext>;

export type LegalHoldCommand = PlaceLegalHold | ReleaseLegalHold;
