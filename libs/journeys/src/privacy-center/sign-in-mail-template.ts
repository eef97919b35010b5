import { escapeHtml, mailLanguage, type MailContent } from '../mail/doi-mail-template';

/** What a sign-in mail says; the address is added by the sender, never by the template. */
export interface SignInMailInput {
  locale: string;
  link: string;
  expiresAt: string;
}

interface Wording {
  subject: string;
  intro: string;
  button: string;
  expiry: (date: string) => string;
  ignore: string;
}

const WORDING: Record<'de' | 'en', Wording> = {
  de: {
    subject: 'Ihr Link zum Datenschutz-Center',
    intro: 'Mit diesem Link sehen und ändern Sie Ihre Einwilligungen und stellen Anträge zu Ihren Daten:',
    button: 'Datenschutz-Center öffnen',
    expiry: (date) => `Der Link ist einmal verwendbar, bis ${date} (UTC).`,
    ignore: 'Wenn Sie den Link nicht angefordert haben, ignorieren Sie diese E-Mail; es ändert sich nichts.',
  },
  en: {
    subject: 'Your link to the Privacy Center',
    intro: 'With this link you see and change your consents and make requests about your data:',
    button: 'Open the Privacy Center',
    expiry: (date) => `The link works once, until ${date} (UTC).`,
    ignore: 'If you did not ask for this link, ignore this e-mail; nothing changes.',
  },
};

/** Pure: the same input always yields the same mail. */
export function signInMail(input: SignInMailInput): MailContent {
  const language = mailLanguage(input.locale);
  const w = WORDING[language];
  const expiry = w.expiry(input.expiresAt.slice(0, 16).replace('T', ' '));
  const text = [w.intro, '', input.link, '', expiry, '', w.ignore, ''].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(w.intro)}</p>`,
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(w.button)}</a></p>`,
    `<p>${escapeHtml(expiry)}</p><p>${escapeHtml(w.ignore)}</p>`,
    '</body></html>',
  ].join('\n');
  return { language, subject: w.subject, text, html };
}
