export * from './config/app-config';
export * from './infrastructure/tokens';
export * from './infrastructure/data-dir';
export * from './infrastructure/open-event-store';
export * from './infrastructure/infrastructure.module';
