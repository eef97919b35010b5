import type { Command } from 'commander';
import { loadConfig, openVerifyingKey } from '#application';
import { verifyLog, type VerificationReport } from '#audit';
import { isJson, out, progressOnStderr, withEventStore } from './audit-cli';

function describe(report: VerificationReport, ms: number): string[] {
  const rate = Math.round(report.events / Math.max(ms / 1000, 0.001));
  const counts = `${report.streams} streams, ${report.events} events, ${report.anchors} anchors`;
  if (report.ok) return [`OK: ${counts} verified in ${ms} ms (${rate} events/s)`];
  const lines = [`BROKEN: ${counts} read; ${report.breaks} broken links, ${report.anchorMismatches} anchors not matching`];
  const b = report.firstBreak;
  if (b) lines.push(`first broken link: ${b.stream} revision ${b.revision} (position ${b.position}, event ${b.eventId}): ${b.message}`, `  expected: ${b.expected}`, `  found:    ${b.found}`);
  const a = report.firstAnchorMismatch;
  if (a) {
    const covers = a.checkpoint ? `, checkpoint of position ${a.checkpoint.position} taken ${a.checkpoint.time}` : '';
    lines.push(`anchor no longer matching: audit-anchors revision ${a.anchorRevision} (position ${a.anchorPosition}${covers}): ${a.message}`, `  expected: ${a.expected}`, `  found:    ${a.found}`);
  }
  return lines;
}

/** `ledger verify`: every chain, every revision, every anchor; exit 0 intact, 1 broken, 2 cannot tell. */
export function register(program: Command): void {
  program
    .command('verify')
    .description('walk every stream and anchor: recompute each hash, link and revision, check each signed checkpoint')
    .option('--public-key <file>', 'PEM public key to check anchors with (default: the configured signing key)')
    .action(async (options: { publicKey?: string }) => {
      const json = isJson(program);
      const key = openVerifyingKey(loadConfig(), options.publicKey);
      const started = performance.now();
      const report = await withEventStore(json, async (store) => {
        const progress = progressOnStderr(json, 'verify');
        const result = await verifyLog(store, { key, onProgress: (p) => progress.update(p.position, p.head, p.events) });
        progress.stop();
        return result;
      });
      const ms = Math.round(performance.now() - started);
      if (!key && report.anchors > 0) throw new Error('no public key to check the anchors with: pass --public-key <file> or set AUDIT_SIGNING_KEY');
      if (json) out(JSON.stringify({ ...report, elapsedMs: ms }));
      else describe(report, ms).forEach(out);
      process.exitCode = report.ok ? 0 : 1;
    });
}
