import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.eventStoreConnectionString).toBeUndefined();
    expect(config.mongodbUri).toBeUndefined();
  });

  it('refuses a port that is not a number and names PORT', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/^PORT: /);
  });

  it('refuses an unknown log level and names LOG_LEVEL', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL: must be one of/);
  });

  it('treats blank connection strings as not configured', () => {
    expect(loadConfig({ EVENTSTORE_CONNECTION_STRING: '  ', MONGODB_URI: '' })).toMatchObject({
      eventStoreConnectionString: undefined,
      mongodbUri: undefined,
    });
  });
});
