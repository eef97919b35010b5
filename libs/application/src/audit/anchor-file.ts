import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnchorRecord } from './checkpoint-list';

/** The file in AUDIT_ANCHOR_DIR; its lines are those of `ledger checkpoints --export`. */
export const ANCHOR_FILE = 'audit-anchors.jsonl';

/** Appends one anchor and waits for it to reach the disk (fsync) before the checkpoint counts as kept. */
export async function appendAnchorLine(dir: string, anchor: AnchorRecord): Promise<void> {
  const file = await open(join(dir, ANCHOR_FILE), 'a', 0o644);
  try {
    await file.write(`${JSON.stringify(anchor)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
}
