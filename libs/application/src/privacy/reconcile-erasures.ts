import type { SubjectCrypto } from '#crypto';
import type { EventStore } from '#event-store';
import { erasedSubjectIds } from './erased-subjects';

export interface ReconcileReport {
  /** Subjects with `SubjectErased` in the log. */
  erased: number;
  /** Keys found in the vault for them (e.g. restored from a backup) and destroyed again. */
  destroyedAgain: number;
}

/**
 * On start and on demand (`ledger reconcile`): a key restored from a backup for a subject the log
 * says is erased is destroyed again, and each erased subject keeps its tombstone. Counts only:
 * subject ids never go to a log line.
 */
export async function reconcileErasures(store: EventStore, crypto: SubjectCrypto): Promise<ReconcileReport> {
  const ids = await erasedSubjectIds(store);
  const destroyed = await crypto.reconcile(ids);
  return { erased: ids.size, destroyedAgain: destroyed.length };
}

export function describeReconcile(report: ReconcileReport): string {
  return `key vault reconciled with the log: ${report.erased} erased subject(s), ${report.destroyedAgain} restored key(s) destroyed again`;
}
