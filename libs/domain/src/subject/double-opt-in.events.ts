import type { Channel } from '../shared/channel';
import type { Event } from '../shared/message';

/** Only the SHA-256 of the single-use token is ever recorded; the token itself goes to the subject once. */
export type DoubleOptInRequested = Event<
  'DoubleOptInRequested',
  {
    subjectId: string;
    requestId: string;
    topicId: string;
    channel: Channel;
    contactPointId: string;
    tokenHash: string;
    textVersion: number;
    sourceSystem: string;
    formId?: string;
    expiresAt: string;
    requestedAt: string;
  }
>;

export type DoubleOptInConfirmed = Event<
  'DoubleOptInConfirmed',
  { subjectId: string; requestId: string; ipAddress?: string; userAgent?: string; confirmedAt: string }
>;

/** `expiredAt` is the request's own expiry, not the (later) moment the expiry was noticed. */
export type DoubleOptInExpired = Event<
  'DoubleOptInExpired',
  { subjectId: string; requestId: string; expiredAt: string }
>;

export type DoubleOptInEvent = DoubleOptInRequested | DoubleOptInConfirmed | DoubleOptInExpired;
