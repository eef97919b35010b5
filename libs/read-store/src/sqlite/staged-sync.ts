import { stagedName } from '../names';
import type { Catalog } from './catalog';

const STAGED_SUFFIX = stagedName('');

/** A rebuild's staged projection: its collections and checkpoint are dropped when a rebuild starts. */
export function isStaged(projection: string): boolean {
  return projection.endsWith(STAGED_SUFFIX);
}

/**
 * Runs one commit with `synchronous = NORMAL`, then restores FULL for every other commit of this
 * connection. Safe for staged batches only: in WAL mode NORMAL keeps the file consistent (the
 * WAL is synced before each checkpoint) and loses at most the last commits on power loss; a lost
 * staged batch takes its staged checkpoint with it, and a rebuild starts from empty staging
 * anyway. A later FULL commit syncs the WAL up to its own end, so it makes earlier staged frames
 * durable too. Live read models never commit under NORMAL.
 */
export function withSyncNormal<T>(catalog: Catalog, commit: () => T): T {
  catalog.sql.get('PRAGMA synchronous = NORMAL').run();
  try {
    return commit();
  } finally {
    catalog.sql.get('PRAGMA synchronous = FULL').run();
  }
}
