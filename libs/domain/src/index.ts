export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/error-codes';
export * from './shared/message';
export * from './shared/channel';
export * from './shared/countries';
export * from './streams';
export { isIsoTimestamp, hasPassed } from './shared/time';
export { isUuid } from './shared/ids';

export * from './topic/topic.events';
export * from './topic/topic.commands';
export * from './topic/topic.state';
export * from './topic/topic.view';
export * from './topic/topic.dpv';
export * from './topic/topic.decider';

export * from './subject/profile.events';
export * from './subject/external-id';
export * from './subject/external-id.events';
export * from './subject/external-id.commands';
export * from './subject/evidence-method';
export * from './subject/act-evidence';
export * from './subject/consent.events';
export * from './subject/double-opt-in.events';
export * from './subject/block.events';
export * from './subject/dsr.events';
export * from './subject/legal-hold.events';
export * from './subject/erasure.events';
export * from './subject/export-delivery.events';
export * from './subject/subject.events';
export * from './subject/subject.context';
export * from './subject/profile.commands';
export * from './subject/consent.commands';
export * from './subject/double-opt-in.commands';
export * from './subject/block.commands';
export * from './subject/dsr.commands';
export * from './subject/legal-hold.commands';
export * from './subject/erasure.commands';
export * from './subject/export-delivery.commands';
export * from './subject/subject.commands';
export * from './subject/privacy.state';
export { addCalendarMonths, requestDueAt, extendedDueAt, MAX_EXTENSION_MONTHS } from './subject/dsr.deadline';
export { governingHold } from './subject/legal-hold.evolve';
export { scopeOf } from './subject/consent.evolve';
export * from './subject/retention';
export * from './subject/subject.state';
export * from './subject/age';
export * from './subject/parental-authorisation';
export * from './subject/subject.decider';
export {
  effectiveConsentStatus,
  type ConsentStatus,
  type ConsentStatusFacts,
  type GrantFacts,
} from './subject/consent-status';
export { findDoubleOptInByTokenHash } from './subject/double-opt-in.confirm';
export { findDeliveryByTokenHash } from './subject/export-delivery.decide';

export * from './personal-fields';
