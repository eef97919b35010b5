import { loadConfig } from './app-config';
import { eventStoreConnection, LEGACY_SETTING_WARNING } from './event-store-connection';

const URL = 'kurrentdb://admin:s3cret@db:2113?tls=false';

describe('eventStoreConnection', () => {
  it('is undefined (the embedded store) when neither variable is set or both are blank', () => {
    expect(eventStoreConnection({})).toBeUndefined();
    expect(
      eventStoreConnection({ KURRENTDB_CONNECTION_STRING: ' ', EVENTSTORE_CONNECTION_STRING: '' }),
    ).toBeUndefined();
  });

  it('reads KURRENTDB_CONNECTION_STRING, trimmed', () => {
    expect(eventStoreConnection({ KURRENTDB_CONNECTION_STRING: ` ${URL} ` })).toEqual({
      connectionString: URL,
      setting: 'KURRENTDB_CONNECTION_STRING',
    });
  });

  it('still reads the former EVENTSTORE_CONNECTION_STRING and says which variable it came from', () => {
    expect(eventStoreConnection({ EVENTSTORE_CONNECTION_STRING: 'esdb://db:2113?tls=false' })).toEqual({
      connectionString: 'esdb://db:2113?tls=false',
      setting: 'EVENTSTORE_CONNECTION_STRING',
    });
    expect(LEGACY_SETTING_WARNING).toBe(
      'EVENTSTORE_CONNECTION_STRING is deprecated: rename it to KURRENTDB_CONNECTION_STRING',
    );
  });

  it('takes the new name when both are set to the same value', () => {
    expect(eventStoreConnection({ KURRENTDB_CONNECTION_STRING: URL, EVENTSTORE_CONNECTION_STRING: URL })?.setting).toBe(
      'KURRENTDB_CONNECTION_STRING',
    );
  });

  it('refuses two different values in one line naming both variables, without either value', () => {
    const env = { KURRENTDB_CONNECTION_STRING: URL, EVENTSTORE_CONNECTION_STRING: 'esdb://admin:0ld-pw@old:2113' };
    expect(() => eventStoreConnection(env)).toThrow(
      'KURRENTDB_CONNECTION_STRING: differs from EVENTSTORE_CONNECTION_STRING (its former name); unset EVENTSTORE_CONNECTION_STRING',
    );
    expect(() => loadConfig(env)).toThrow(/^KURRENTDB_CONNECTION_STRING: differs/);
    const message = (() => {
      try {
        eventStoreConnection(env);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).not.toMatch(/s3cret|0ld-pw|\n/);
  });
});

describe('loadConfig: the event store', () => {
  it('takes either variable, and runs projections and journey workers elsewhere once KurrentDB is configured', () => {
    for (const setting of ['KURRENTDB_CONNECTION_STRING', 'EVENTSTORE_CONNECTION_STRING']) {
      const config = loadConfig({ [setting]: URL });
      expect(config).toMatchObject({ eventStoreConnectionString: URL, eventStoreSetting: setting });
      expect(config.projections.run).toBe(false);
      expect(config.journeys.runWorkers).toBe(false);
    }
  });

  it('names KURRENTDB_CONNECTION_STRING as the setting to use when neither is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      eventStoreConnectionString: undefined,
      eventStoreSetting: 'KURRENTDB_CONNECTION_STRING',
    });
    expect(config.projections.run).toBe(true);
    expect(config.journeys.runWorkers).toBe(true);
  });
});
