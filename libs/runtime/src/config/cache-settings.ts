import { envInteger } from './env-values';

/**
 * Caches on the command path, sized to the working set (issue #20: nothing per request may grow
 * with the number of subjects, memory included). A miss costs a vault read and unwrap (keys) or a
 * full stream read and decrypt (folds); a hit still checks the store, so size never affects answers.
 */
export interface CacheSettings {
  /**
   * Unwrapped subject data keys held per process (KEY_CACHE_SIZE): about 230 bytes each with the
   * subject id, so the default covers a million subjects in about 230 MB (DataKeyCache).
   */
  keyCacheSize: number;
  /** Folded subject and topic streams held by the command executor (STREAM_CACHE_SIZE): about 2 KB a subject of a few events. */
  streamCacheSize: number;
}

export function loadCacheSettings(env: NodeJS.ProcessEnv): CacheSettings {
  return {
    keyCacheSize: envInteger('KEY_CACHE_SIZE', env.KEY_CACHE_SIZE, 1_000_000, 1, 10_000_000),
    streamCacheSize: envInteger('STREAM_CACHE_SIZE', env.STREAM_CACHE_SIZE, 10_000, 1, 10_000_000),
  };
}
