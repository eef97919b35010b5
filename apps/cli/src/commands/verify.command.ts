import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig, openVerifyingKey } from '#runtime';
import { parseKeptAnchors, verifyLog, type KeptAnchor, type VerificationReport } from '#audit';
import { isJson, out, progressOnStderr, withEventStore } from './audit-cli';
import { describeKeptAnchors } from './kept-anchors-report';

function describe(report: VerificationReport, ms: number): string[] {
  const rate = Math.round(report.events / Math.max(ms / 1000, 0.001));
  const counts = `${report.streams} streams, ${report.events} events, ${report.anchors} anchors`;
  if (report.ok)
    return [`OK: ${counts} verified in ${ms} ms (${rate} events/s)`, ...describeKeptAnchors(report.keptAnchors)];
  const lines = [
    `BROKEN: ${counts} read; ${report.breaks} broken links, ${report.anchorMismatches} anchors not matching`,
  ];
  const b = report.firstBreak;
  if (b)
    lines.push(
      `first broken link: ${b.stream} revision ${b.revision} (position ${b.position}, event ${b.eventId}): ${b.message}`,
      `  expected: ${b.expected}`,
      `  found:    ${b.found}`,
    );
  const a = report.firstAnchorMismatch;
  if (a) {
    const covers = a.checkpoint ? `, checkpoint of position ${a.checkpoint.position} taken ${a.checkpoint.time}` : '';
    lines.push(
      `anchor no longer matching: audit-anchors revision ${a.anchorRevision} (position ${a.anchorPosition}${covers}): ${a.message}`,
      `  expected: ${a.expected}`,
      `  found:    ${a.found}`,
    );
  }
  return [...lines, ...describeKeptAnchors(report.keptAnchors)];
}

function readAnchors(file: string): KeptAnchor[] {
  const anchors = parseKeptAnchors(readFileSync(file, 'utf8'));
  if (anchors.length === 0) throw new Error(`--anchors: ${file} holds no anchors`);
  return anchors;
}

/** `ledger verify`: every chain, every revision, every anchor; exit 0 intact, 1 broken, 2 cannot tell. */
export function register(program: Command): void {
  program
    .command('verify')
    .description('walk every stream and anchor: recompute each hash, link and revision, check each signed checkpoint')
    .option('--public-key <file>', 'PEM public key to check anchors with (default: the configured signing key)')
    .option(
      '--anchors <file>',
      'checkpoints kept outside the log (JSON lines of `checkpoints --export` or AUDIT_ANCHOR_DIR): the log must satisfy each',
    )
    .action(async (options: { publicKey?: string; anchors?: string }) => {
      const json = isJson(program);
      const key = openVerifyingKey(loadConfig(), options.publicKey);
      const keptAnchors = options.anchors === undefined ? undefined : readAnchors(options.anchors);
      if (keptAnchors && !key)
        throw new Error(
          'no public key to check the kept anchors with: pass --public-key <file> or set AUDIT_SIGNING_KEY',
        );
      const started = performance.now();
      const report = await withEventStore(json, async (store) => {
        const progress = progressOnStderr(json, 'verify');
        const result = await verifyLog(store, {
          key,
          keptAnchors,
          onProgress: (p) => progress.update(p.position, p.head, p.events),
        });
        progress.stop();
        return result;
      });
      const ms = Math.round(performance.now() - started);
      if (!key && report.anchors > 0)
        throw new Error('no public key to check the anchors with: pass --public-key <file> or set AUDIT_SIGNING_KEY');
      if (json) out(JSON.stringify({ ...report, elapsedMs: ms }));
      else describe(report, ms).forEach(out);
      process.exitCode = report.ok ? 0 : 1;
    });
}
