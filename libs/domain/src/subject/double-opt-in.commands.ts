import type { Command } from '../shared/message';
import type { SubjectContext, TopicContext } from './subject.context';

export type RequestDoubleOptIn = Command<
  'RequestDoubleOptIn',
  {
    requestId: string;
    topicId: string;
    channel: string;
    contactPointId: string;
    /** SHA-256 hex of the random token the caller generated and sends to the subject once. */
    tokenHash: string;
    expiresAt: string;
    textVersion: number;
    sourceSystem: string;
    formId?: string;
  },
  TopicContext
>;

/** The topic view is the one of the request's topic (see `findDoubleOptInByTokenHash`). */
export type ConfirmDoubleOptIn = Command<
  'ConfirmDoubleOptIn',
  { tokenHash: string; ipAddress?: string; userAgent?: string },
  TopicContext
>;

export type ExpireDoubleOptIn = Command<'ExpireDoubleOptIn', { requestId: string }, SubjectContext>;

export type DoubleOptInCommand = RequestDoubleOptIn | ConfirmDoubleOptIn | ExpireDoubleOptIn;
