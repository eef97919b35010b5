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
    expect(
      loadConfig({ KURRENTDB_CONNECTION_STRING: '  ', EVENTSTORE_CONNECTION_STRING: '', MONGODB_URI: '' }),
    ).toMatchObject({
      eventStoreConnectionString: undefined,
      mongodbUri: undefined,
    });
  });
});

describe('loadConfig: API keys and the public rate limit', () => {
  it('leaves the key sources unset and limits public routes to 30 a minute by default', () => {
    const config = loadConfig({});
    expect(config.apiKeysFile).toBeUndefined();
    expect(config.adminApiKey).toBeUndefined();
    expect(config.publicRateLimit).toEqual({ limit: 30, windowSeconds: 60 });
  });

  it('gives the one-click unsubscribe and the probes their own, higher limits', () => {
    expect(loadConfig({})).toMatchObject({ unsubscribeRateLimit: 600, probeRateLimit: 600 });
    expect(loadConfig({ UNSUBSCRIBE_RATE_LIMIT: '5', PROBE_RATE_LIMIT: '7' })).toMatchObject({
      unsubscribeRateLimit: 5,
      probeRateLimit: 7,
    });
    expect(() => loadConfig({ UNSUBSCRIBE_RATE_LIMIT: '0' })).toThrow(/^UNSUBSCRIBE_RATE_LIMIT: /);
  });

  it('resolves API_KEYS_FILE to an absolute path and keeps ADMIN_API_KEY as given', () => {
    const config = loadConfig({ API_KEYS_FILE: 'keys.json', ADMIN_API_KEY: ' secret-key ' });
    expect(config.apiKeysFile).toMatch(/^\/.*\/keys\.json$/);
    expect(config.adminApiKey).toBe('secret-key');
  });

  it('refuses a rate limit that is not a positive whole number and names the variable', () => {
    expect(() => loadConfig({ PUBLIC_RATE_LIMIT: '0' })).toThrow(/^PUBLIC_RATE_LIMIT: /);
    expect(() => loadConfig({ PUBLIC_RATE_LIMIT_WINDOW_SECONDS: '1.5' })).toThrow(
      /^PUBLIC_RATE_LIMIT_WINDOW_SECONDS: /,
    );
  });
});

describe('loadConfig: read-side caches', () => {
  it('sizes the read store page cache and the profile cache by default and as told', () => {
    expect(loadConfig({}).projections).toMatchObject({ readCacheMib: 64, profileCacheEntries: 20_000 });
    const set = loadConfig({ READ_STORE_CACHE_MIB: '256', CONTACTABILITY_CACHE_PROFILES: '150000' }).projections;
    expect(set).toMatchObject({ readCacheMib: 256, profileCacheEntries: 150_000 });
  });

  it("sizes a rebuild's held documents by default and as told, refusing nonsense", () => {
    expect(loadConfig({}).projections.rebuildDocuments).toBe(50_000);
    expect(loadConfig({ PROJECTION_REBUILD_DOCUMENTS: '2000' }).projections.rebuildDocuments).toBe(2_000);
    expect(() => loadConfig({ PROJECTION_REBUILD_DOCUMENTS: '0' })).toThrow(/^PROJECTION_REBUILD_DOCUMENTS: /);
  });

  it('runs the embedded projections off the request thread unless told not to', () => {
    expect(loadConfig({}).projections).toMatchObject({ run: true, thread: true });
    expect(loadConfig({ PROJECTION_THREAD: 'false' }).projections.thread).toBe(false);
    expect(() => loadConfig({ PROJECTION_THREAD: 'sometimes' })).toThrow(/^PROJECTION_THREAD: /);
  });

  it('refuses a cache size that is not a whole number in range, naming the variable', () => {
    expect(() => loadConfig({ READ_STORE_CACHE_MIB: '1' })).toThrow(/^READ_STORE_CACHE_MIB: /);
    expect(() => loadConfig({ CONTACTABILITY_CACHE_PROFILES: 'lots' })).toThrow(/^CONTACTABILITY_CACHE_PROFILES: /);
  });
});

describe('loadConfig: TRUST_PROXY', () => {
  const trust = (value?: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;

  it('believes no proxy unless told, and takes true, a hop count or addresses and ranges', () => {
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('2')).toBe(2);
    expect(trust(' 10.0.0.0/8, 127.0.0.1 ,::1,fd00::/8')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8']);
  });

  it('refuses anything else in one line naming TRUST_PROXY and the entry', () => {
    for (const bad of ['yes', '0', '11', '10.0.0.0/33', '10.0.0.1,proxy.local', '999.1.1.1']) {
      expect(() => trust(bad)).toThrow(/^TRUST_PROXY: must be true, false, a number of proxy hops/);
    }
    expect(() => trust('10.0.0.1,proxy.local')).toThrow('"proxy.local" is none of these');
  });
});

describe('loadConfig: CloudEvents source and webhook secret overlap', () => {
  it('names the feed under PUBLIC_BASE_URL as the source and overlaps rotated secrets for 24 h by default', () => {
    const config = loadConfig({ PUBLIC_BASE_URL: 'https://ledger.example.org/' });
    expect(config.journeys.cloudEventsSource).toBe('https://ledger.example.org/feed');
    expect(config.journeys.webhooks.secretOverlapHours).toBe(24);
  });

  it('takes CLOUDEVENTS_SOURCE and WEBHOOK_SECRET_OVERLAP_HOURS as given', () => {
    const config = loadConfig({ CLOUDEVENTS_SOURCE: 'urn:privacy-ledger:prod', WEBHOOK_SECRET_OVERLAP_HOURS: '0' });
    expect(config.journeys.cloudEventsSource).toBe('urn:privacy-ledger:prod');
    expect(config.journeys.webhooks.secretOverlapHours).toBe(0);
  });

  it('refuses a source that is not an absolute URI and an overlap beyond 30 days, naming the variable', () => {
    expect(() => loadConfig({ CLOUDEVENTS_SOURCE: 'ledger feed' })).toThrow(
      /^CLOUDEVENTS_SOURCE: must be an absolute URI/,
    );
    expect(() => loadConfig({ CLOUDEVENTS_SOURCE: '/feed' })).toThrow(/^CLOUDEVENTS_SOURCE: /);
    expect(() => loadConfig({ WEBHOOK_SECRET_OVERLAP_HOURS: '721' })).toThrow(/^WEBHOOK_SECRET_OVERLAP_HOURS: /);
  });
});

describe('loadConfig: AUDIT_ANCHOR_DIR', () => {
  const dir = (value: string | undefined, dataDir = '/srv/ledger/data') =>
    loadConfig({ DATA_DIR: dataDir, AUDIT_ANCHOR_DIR: value }).audit.anchorDir;

  it('is off unless set, and takes a folder outside DATA_DIR, resolved', () => {
    expect(dir(undefined)).toBeUndefined();
    expect(dir(' ')).toBeUndefined();
    expect(dir('/mnt/audit-copy')).toBe('/mnt/audit-copy');
    expect(dir('/srv/ledger/data-anchors')).toBe('/srv/ledger/data-anchors');
  });

  it('refuses DATA_DIR itself or any folder inside it, naming the variable', () => {
    for (const inside of ['/srv/ledger/data', '/srv/ledger/data/anchors', '/srv/ledger/data/../data/x']) {
      expect(() => dir(inside)).toThrow(/^AUDIT_ANCHOR_DIR: must lie outside DATA_DIR \(\/srv\/ledger\/data\)/);
    }
  });
});

describe('loadConfig: command-path caches (issue #20)', () => {
  it('holds 1,000,000 keys and 10,000 folded streams unless told, and takes KEY_CACHE_SIZE and STREAM_CACHE_SIZE', () => {
    expect(loadConfig({}).caches).toEqual({ keyCacheSize: 1_000_000, streamCacheSize: 10_000 });
    expect(loadConfig({ KEY_CACHE_SIZE: '250000', STREAM_CACHE_SIZE: '50000' }).caches).toEqual({
      keyCacheSize: 250_000,
      streamCacheSize: 50_000,
    });
  });

  it('refuses a size that is not a positive whole number, naming the variable', () => {
    expect(() => loadConfig({ KEY_CACHE_SIZE: '0' })).toThrow(/KEY_CACHE_SIZE/);
    expect(() => loadConfig({ STREAM_CACHE_SIZE: 'many' })).toThrow(/STREAM_CACHE_SIZE/);
  });
});
