import { escapeHtml, mailLanguage, type MailContent } from './doi-mail-template';

/** The path the mailed download link opens (and its page's button posts to). */
export const EXPORT_DOWNLOAD_PATH = 'export-downloads';

export interface ExportMailInput {
  locale: string;
  controllerName: string;
  link: string;
  expiresAt: string;
}

const WORDING = {
  de: {
    subject: (c: string) => `Ihre Auskunft nach Art. 15 DSGVO von ${c}`,
    intro: (c: string) =>
      `Sie haben Auskunft über Ihre bei ${c} gespeicherten Daten verlangt. Über diesen Link erhalten Sie eine Kopie, lesbar und als Datei:`,
    button: 'Meine Daten abrufen',
    once: (date: string) =>
      `Der Link funktioniert einmal und bis ${date} (UTC). Danach können Sie jederzeit eine neue Auskunft verlangen.`,
  },
  en: {
    subject: (c: string) => `Your copy of your data (Art. 15 GDPR) from ${c}`,
    intro: (c: string) =>
      `You asked which data ${c} holds about you. This link gives you a copy, readable and as a file:`,
    button: 'Get my data',
    once: (date: string) =>
      `The link works once and until ${date} (UTC). After that you may ask for a new copy at any time.`,
  },
} as const;

/** Pure: the same delivery always yields the same mail (a resend after a crash is identical in content). */
export function exportMail(input: ExportMailInput): MailContent {
  const language = mailLanguage(input.locale);
  const w = WORDING[language];
  const once = w.once(input.expiresAt.slice(0, 16).replace('T', ' '));
  const text = [w.intro(input.controllerName), '', input.link, '', once, ''].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(w.intro(input.controllerName))}</p>`,
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(w.button)}</a></p>`,
    `<p>${escapeHtml(once)}</p>`,
    '</body></html>',
  ].join('\n');
  return { language, subject: w.subject(input.controllerName), text, html };
}
