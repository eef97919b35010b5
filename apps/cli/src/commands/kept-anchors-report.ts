import type { BrokenAnchor, KeptAnchorsReport } from '#audit';

function where(broken: BrokenAnchor): string {
  if (broken.problem === 'truncated')
    return `; no longer holds from leaf ${broken.fromLeaf} on, the log ends after position ${broken.afterPosition ?? 'none'}`;
  if (broken.problem === 'changed')
    return `; no longer holds from leaf ${broken.fromLeaf} (position ${broken.fromPosition}) on`;
  return '';
}

function name(broken: BrokenAnchor): string {
  const cp = broken.checkpoint;
  const revision = broken.revision === undefined ? '' : `, audit-anchors revision ${broken.revision}`;
  return cp
    ? `anchor on line ${broken.line}${revision} (size ${cp.logSize}, position ${cp.position}, taken ${cp.time})`
    : `anchor on line ${broken.line}${revision}`;
}

/** The human lines of `verify --anchors`: a count when all hold, else each anchor that fails and from where. */
export function describeKeptAnchors(report: KeptAnchorsReport | undefined): string[] {
  if (!report) return [];
  const legacy = report.legacy > 0 ? `, ${report.legacy} of the earlier format checked by signature only` : '';
  const head = `kept anchors: ${report.holding} of ${report.checked} hold${legacy}`;
  return [head, ...report.broken.map((b) => `anchor not holding: ${name(b)}: ${b.message}${where(b)}`)];
}
