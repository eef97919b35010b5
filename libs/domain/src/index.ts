export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/error-codes';
export * from './shared/message';
export * from './shared/channel';
export { isIsoTimestamp, hasPassed } from './shared/time';

export * from './topic/topic.events';
export * from './topic/topic.commands';
export * from './topic/topic.state';
export * from './topic/topic.view';
export * from './topic/topic.decider';

export * from './subject/profile.events';
export * from './subject/consent.events';
export * from './subject/double-opt-in.events';
export * from './subject/block.events';
export * from './subject/subject.events';
export * from './subject/subject.context';
export * from './subject/profile.commands';
export * from './subject/consent.commands';
export * from './subject/double-opt-in.commands';
export * from './subject/block.commands';
export * from './subject/subject.commands';
export * from './subject/subject.state';
export * from './subject/subject.decider';
export { effectiveConsentStatus, type ConsentStatus } from './subject/consent-status';
export { findDoubleOptInByTokenHash } from './subject/double-opt-in.confirm';

export * from './personal-fields';
