import { refusal } from '#domain';
import { validationFailed } from '../http/validation.pipe';

export const subjectNotFound = (id: string) =>
  refusal('SUBJECT.NOT_FOUND', `subject ${id} is not known to the read model`);
export const topicNotFound = (id: string) => refusal('TOPIC.NOT_FOUND', `topic ${id} is not defined`, 'topicId');

/** A channel outside the configured list is a client error, not a "not allowed" answer. */
export function requireKnownChannel(channel: string, channels: readonly string[], field = 'channel'): void {
  if (!channels.includes(channel)) {
    throw validationFailed([{ field, rule: 'isIn', message: `${field} must be one of ${channels.join(', ')}` }]);
  }
}
