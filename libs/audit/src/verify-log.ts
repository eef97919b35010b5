import { AUDIT_ANCHOR_STREAM } from '#domain';
import { isSignedCheckpoint } from './checkpoint';
import type { StoredEvent } from './chain-checker';
import { checkKeptAnchors, type KeptAnchor } from './kept-anchors';
import { LogVerifier, type VerificationReport } from './log-verifier';
import type { AuditPublicKey } from './signing-key';

/** The one read the verifier needs; both event-store adapters provide it. */
export interface LogReader {
  readAll(options: {
    after?: number;
    maxCount?: number;
    filter?: { streamPrefixes?: string[] };
  }): Promise<StoredEvent[]>;
  headPosition(): Promise<number>;
}

export interface VerifyProgress {
  events: number;
  position: number;
  head: number;
}

export interface VerifyLogOptions {
  key: AuditPublicKey | undefined;
  /** Checkpoints kept outside the log (`verify --anchors`): the log must still satisfy each one. */
  keptAnchors?: readonly KeptAnchor[];
  batchSize?: number;
  onProgress?: (progress: VerifyProgress) => void;
}

/** Reads the whole log once in order (plus a first pass over the anchors) and verifies it. */
export async function verifyLog(reader: LogReader, options: VerifyLogOptions): Promise<VerificationReport> {
  const batchSize = options.batchSize ?? 2000;
  const head = await reader.headPosition();
  const positions: number[] = [];
  await eachBatch(reader, batchSize, { streamPrefixes: [AUDIT_ANCHOR_STREAM] }, (events) => {
    for (const e of events)
      if (e.stream === AUDIT_ANCHOR_STREAM && isSignedCheckpoint(e.data)) positions.push(e.data.checkpoint.position);
  });
  const verifier = new LogVerifier(positions, options.key);
  let count = 0;
  const stoppedAt = await eachBatch(reader, batchSize, undefined, (events) => {
    for (const e of events) verifier.feed(e);
    count += events.length;
    options.onProgress?.({ events: count, position: events[events.length - 1]!.position, head });
  });
  if (stoppedAt) verifier.stopAt(stoppedAt.after, stoppedAt.detail);
  const report = verifier.finish();
  if (!options.keptAnchors) return report;
  const keptAnchors = checkKeptAnchors(options.keptAnchors, verifier.tree, options.key);
  return { ...report, ok: report.ok && keptAnchors.broken.length === 0, keptAnchors };
}

/** Reads the log page by page; a page that cannot be decoded is read again one event at a time. */
async function eachBatch(
  reader: LogReader,
  maxCount: number,
  filter: { streamPrefixes: string[] } | undefined,
  handle: (events: StoredEvent[]) => void,
): Promise<{ after: number; detail: string } | undefined> {
  let after = 0;
  let size = maxCount;
  for (;;) {
    let events: StoredEvent[];
    try {
      events = await reader.readAll({ after, maxCount: size, filter });
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      if (size === 1) return { after, detail: error.message };
      size = 1;
      continue;
    }
    if (events.length === 0) return undefined;
    handle(events);
    after = events[events.length - 1]!.position;
  }
}
