import { createHash } from 'node:crypto';
import { escapeHtml } from '#journeys';

/** One inline style, allowed by its hash: the page runs no script and loads nothing. */
const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}',
  'table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f0f0f0}.badge{font-size:.8rem;border:1px solid #2a6;color:#185;border-radius:.3rem;padding:0 .3rem;margin-left:.5rem}',
  'button{font-size:1.1rem;padding:.6rem 1.2rem}',
  '@media print{body{margin:0;max-width:none;font-size:10pt}a.download,form{display:none}section,tr{break-inside:avoid}th{background:none}}',
].join('');

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** Nothing but the one style; forms post to this origin only; never framed. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every page of this folder is sent with. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function htmlPage(language: string, title: string, body: string): string {
  return [
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width"><meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body>${body}</body></html>`,
  ].join('');
}

/** A table of escaped cells; cells already rendered as HTML are passed as `{ html }`. */
export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  const head = `<tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cellHtml(cell)}</td>`).join('')}</tr>`).join('');
  return `<table>${head}${body}</table>`;
}

export type Cell = string | number | null | undefined | { html: string };

function cellHtml(cell: Cell): string {
  if (cell === null || cell === undefined) return '–';
  if (typeof cell === 'object') return cell.html;
  return escapeHtml(String(cell));
}

export function section(title: string, body: string, badge?: string): string {
  const mark = badge ? `<span class="badge">${escapeHtml(badge)}</span>` : '';
  return `<section><h2>${escapeHtml(title)}${mark}</h2>${body}</section>`;
}
