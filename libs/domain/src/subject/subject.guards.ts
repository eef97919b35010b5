import { refuse } from '../shared/error-codes';
import type { TopicView } from '../topic/topic.view';
import { findTextVersion } from '../topic/topic.view';
import type { ContactPoint, RegisteredSubject, SubjectState } from './subject.state';

export function requireRegistered(state: SubjectState): RegisteredSubject {
  // Art. 17: nothing may be recorded about an erased subject, so nothing can bring data back.
  if (state.status === 'erased') refuse('SUBJECT.ERASED', 'the subject was erased; nothing more is recorded about it');
  if (state.status !== 'registered') refuse('SUBJECT.NOT_FOUND', 'the subject is not registered');
  return state;
}

/** A contact point of another subject is, from this subject's stream, simply unknown. */
export function requireActiveContactPoint(
  state: RegisteredSubject,
  contactPointId: unknown,
  field = 'contactPointId',
): Extract<ContactPoint, { status: 'active' }> {
  const point = typeof contactPointId === 'string' ? state.contactPoints[contactPointId] : undefined;
  if (point?.status !== 'active')
    refuse('CONTACT_POINT.NOT_FOUND', `contact point ${String(contactPointId)} not found`, field);
  return point;
}

export function requireMatchingChannel(point: { channel: string }, channel: string): void {
  if (point.channel !== channel) {
    refuse(
      'CONTACT_POINT.CHANNEL_MISMATCH',
      `the contact point is on ${point.channel}, not ${channel}`,
      'contactPointId',
    );
  }
}

/** The application passes the view of the topic it loaded; one of another id counts as unknown. */
export function requireTopic(topic: TopicView | undefined, topicId: unknown, field = 'topicId'): TopicView {
  if (topic === undefined || topic.id !== topicId)
    refuse('TOPIC.NOT_FOUND', `topic ${String(topicId)} is not defined`, field);
  return topic;
}

export function requireActiveTopic(topic: TopicView | undefined, topicId: unknown, channel: string): TopicView {
  const found = requireTopic(topic, topicId);
  if (found.status === 'retired') refuse('TOPIC.RETIRED', `topic ${found.id} is retired`, 'topicId');
  if (!found.allowedChannels.includes(channel)) {
    refuse('TOPIC.CHANNEL_NOT_ALLOWED', `topic ${found.id} does not allow ${channel}`, 'channel');
  }
  return found;
}

/** Consent can only be given to a text that exists and still says what is current in substance. */
export function requireCurrentText(
  topic: TopicView,
  version: unknown,
  field: string,
): { textHash: string; version: number } {
  const text = typeof version === 'number' ? findTextVersion(topic, version) : undefined;
  if (text === undefined)
    refuse('CONSENT.TEXT_VERSION_UNKNOWN', `topic ${topic.id} has no text version ${String(version)}`, field);
  if (text.version < topic.currentMaterialVersion) {
    refuse(
      'CONSENT.TEXT_VERSION_OUTDATED',
      `text version ${text.version} predates material version ${topic.currentMaterialVersion}`,
      field,
    );
  }
  return text;
}
