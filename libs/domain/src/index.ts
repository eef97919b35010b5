export * from './shared/domain-error';
export * from './shared/decider';
