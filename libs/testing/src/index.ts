export * from './decider-spec';
export * from './route-walker';
