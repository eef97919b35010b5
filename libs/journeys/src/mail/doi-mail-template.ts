/** What a double opt-in mail says; the address is added by the sender, never by the template. */
export interface DoiMailInput {
  locale: string;
  topicTitle: string;
  /** The consent text version the request is for: the subject confirms this wording (Art. 7(1)). */
  consentText?: string;
  link: string;
  expiresAt: string;
}

export interface MailContent {
  language: 'de' | 'en';
  subject: string;
  text: string;
  html: string;
}

interface Wording {
  subject: (title: string) => string;
  intro: (title: string) => string;
  button: string;
  expiry: (date: string) => string;
  ignore: string;
}

const WORDING: Record<'de' | 'en', Wording> = {
  de: {
    subject: (title) => `Bitte bestätigen Sie Ihre Anmeldung: ${title}`,
    intro: (title) =>
      `Sie haben sich für „${title}“ angemeldet. Bitte bestätigen Sie Ihre Einwilligung über diesen Link:`,
    button: 'Anmeldung bestätigen',
    expiry: (date) => `Der Link ist gültig bis ${date} (UTC).`,
    ignore: 'Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail; ohne Bestätigung erhalten Sie nichts.',
  },
  en: {
    subject: (title) => `Please confirm your subscription: ${title}`,
    intro: (title) => `You signed up for "${title}". Please confirm your consent with this link:`,
    button: 'Confirm subscription',
    expiry: (date) => `The link is valid until ${date} (UTC).`,
    ignore: 'If you did not sign up, ignore this e-mail; without confirmation you will receive nothing.',
  },
};

/** German for any `de` locale (de, de-DE, de-AT, de-CH), English otherwise. */
export function mailLanguage(locale: string): 'de' | 'en' {
  return locale.toLowerCase().split(/[-_]/)[0] === 'de' ? 'de' : 'en';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Pure: the same request always yields the same mail (a resent mail is byte-identical in content). */
export function doubleOptInMail(input: DoiMailInput): MailContent {
  const language = mailLanguage(input.locale);
  const w = WORDING[language];
  const expiry = w.expiry(input.expiresAt.slice(0, 16).replace('T', ' '));
  const quote = input.consentText ? [`> ${input.consentText}`, ''] : [];
  const text = [w.intro(input.topicTitle), '', ...quote, input.link, '', expiry, '', w.ignore, ''].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(w.intro(input.topicTitle))}</p>`,
    input.consentText ? `<blockquote>${escapeHtml(input.consentText)}</blockquote>` : '',
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(w.button)}</a></p>`,
    `<p>${escapeHtml(expiry)}</p><p>${escapeHtml(w.ignore)}</p>`,
    '</body></html>',
  ].join('\n');
  return { language, subject: w.subject(input.topicTitle), text, html };
}
