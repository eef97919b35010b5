import { EXPORT_DOWNLOAD_PATH, escapeHtml } from '#journeys';
import { htmlPage } from './page-shell';

/**
 * The mailed link's landing page. Opening it changes nothing and serves nothing (mail scanners and
 * link previews follow links); only the button's POST opens the single-use link. No script.
 */
export function downloadButtonPage(token: string): string {
  const body = [
    '<h1>Ihre Daten · Your data</h1>',
    '<p>Dieser Link kann einmal verwendet werden. Mit dem Klick erhalten Sie Ihre Auskunft (Art. 15 DSGVO) als Seite und als Datei.<br>',
    'This link works once. Click to receive your copy (Art. 15 GDPR) as a page and as a file.</p>',
    `<form method="post" action="/${EXPORT_DOWNLOAD_PATH}">`,
    `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
    '<button type="submit">Daten anzeigen · Show my data</button></form>',
  ].join('');
  return htmlPage('de', 'Ihre Daten · Your data', body);
}

const REASONS: Record<string, string> = {
  'EXPORT_LINK.USED': 'Dieser Link wurde bereits verwendet. This link was already used.',
  'EXPORT_LINK.EXPIRED': 'Dieser Link ist abgelaufen. This link has expired.',
};

/** A used, expired or unknown link: said plainly, nothing served; a new copy can be asked for at any time. */
export function linkRefusedPage(code: string): string {
  const reason = REASONS[code] ?? 'Dieser Link ist nicht gültig. This link is not valid.';
  const body = [
    '<h1>Link nicht mehr gültig · Link no longer valid</h1>',
    `<p>${escapeHtml(reason)}</p>`,
    '<p>Sie können jederzeit eine neue Auskunft verlangen. You may ask for a new copy at any time.</p>',
  ].join('');
  return htmlPage('de', 'Link nicht mehr gültig · Link no longer valid', body);
}
