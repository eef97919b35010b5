import { eventStoreConnection } from './event-store-connection';
import { envFlag, envInteger } from './env-values';

export interface ProjectionSettings {
  /** Run the runners in this process: always in embedded mode, else when RUN_PROJECTIONS=true. */
  run: boolean;
  /**
   * Run them on a worker thread of the api rather than its request thread (PROJECTION_THREAD).
   * On by default: measured quietly on the 2-core bench host, grants rose from 552-584 to
   * 980-1,064 per second (BENCHMARKS.md, issue #20); `false` keeps every answer the same.
   */
  thread: boolean;
  batchSize: number;
  /** Documents a rebuild holds per read model before writing them (PROJECTION_REBUILD_DOCUMENTS). */
  rebuildDocuments: number;
  /** Lease time to live; the holder renews every third of it (PROJECTION_LEASE_TTL_MS). */
  leaseTtlMs: number;
  /** How long a query with X-Min-Position waits for the projections (READ_YOUR_WRITES_TIMEOUT_MS). */
  readYourWritesTimeoutMs: number;
  /** Open GET /stats/stream connections per API key (STATS_STREAMS_PER_KEY); 429 beyond. */
  statsStreamsPerKey: number;
  /** SQLite page cache of each read-store connection, MiB (READ_STORE_CACHE_MIB). */
  readCacheMib: number;
  /** Parsed subject profiles the contactability check keeps (CONTACTABILITY_CACHE_PROFILES). */
  profileCacheEntries: number;
}

export function loadProjectionSettings(env: NodeJS.ProcessEnv): ProjectionSettings {
  const embedded = eventStoreConnection(env) === undefined;
  return {
    run: envFlag('RUN_PROJECTIONS', env.RUN_PROJECTIONS) ?? embedded,
    thread: envFlag('PROJECTION_THREAD', env.PROJECTION_THREAD) ?? true,
    batchSize: envInteger('PROJECTION_BATCH_SIZE', env.PROJECTION_BATCH_SIZE, 500, 1, 10_000),
    rebuildDocuments: envInteger(
      'PROJECTION_REBUILD_DOCUMENTS',
      env.PROJECTION_REBUILD_DOCUMENTS,
      50_000,
      1,
      10_000_000,
    ),
    leaseTtlMs: envInteger('PROJECTION_LEASE_TTL_MS', env.PROJECTION_LEASE_TTL_MS, 15_000, 300, 600_000),
    readYourWritesTimeoutMs: envInteger(
      'READ_YOUR_WRITES_TIMEOUT_MS',
      env.READ_YOUR_WRITES_TIMEOUT_MS,
      2_000,
      0,
      30_000,
    ),
    statsStreamsPerKey: envInteger('STATS_STREAMS_PER_KEY', env.STATS_STREAMS_PER_KEY, 10, 1, 10_000),
    readCacheMib: envInteger('READ_STORE_CACHE_MIB', env.READ_STORE_CACHE_MIB, 64, 2, 65_536),
    profileCacheEntries: envInteger(
      'CONTACTABILITY_CACHE_PROFILES',
      env.CONTACTABILITY_CACHE_PROFILES,
      20_000,
      1,
      10_000_000,
    ),
  };
}
