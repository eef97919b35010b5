/**
 * Every stream name of the ledger (ARCHITECTURE.md, "The domain"). Spelled here only, so a change
 * to how streams are named (a tenant prefix, say) has one home and filters never drift apart.
 */
export const SUBJECT_STREAM_PREFIX = 'subject-';
export const TOPIC_STREAM_PREFIX = 'topic-';
/** Signed checkpoints of the log (RFC 6962 roots); not a subject's or a topic's stream. */
export const AUDIT_ANCHOR_STREAM = 'audit-anchors';

export const subjectStreamName = (subjectId: string): string => `${SUBJECT_STREAM_PREFIX}${subjectId}`;
export const topicStreamName = (topicId: string): string => `${TOPIC_STREAM_PREFIX}${topicId}`;

export const isSubjectStream = (stream: string): boolean => stream.startsWith(SUBJECT_STREAM_PREFIX);
export const isTopicStream = (stream: string): boolean => stream.startsWith(TOPIC_STREAM_PREFIX);

/** The subject id of a `subject-<uuid>` stream. */
export const subjectIdOf = (stream: string): string => stream.slice(SUBJECT_STREAM_PREFIX.length);
/** The topic id of a `topic-<slug>` stream. */
export const topicIdOf = (stream: string): string => stream.slice(TOPIC_STREAM_PREFIX.length);
