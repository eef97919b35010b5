/** Words of the timeline in English and German; unknown values (configured channels) show as they are. */
export type Lang = 'en' | 'de';
export type Bilingual = Record<Lang, string>;

const CHANNELS: Record<string, Bilingual> = {
  email: { en: 'e-mail', de: 'E-Mail' },
  sms: { en: 'SMS', de: 'SMS' },
  phone: { en: 'phone', de: 'Telefon' },
  post: { en: 'post', de: 'Post' },
  whatsapp: { en: 'WhatsApp', de: 'WhatsApp' },
  push: { en: 'push notification', de: 'Push-Nachricht' },
};

const METHODS: Record<string, Bilingual> = {
  checkbox: { en: 'checkbox', de: 'Checkbox' },
  double_opt_in: { en: 'double opt-in', de: 'Double-Opt-in' },
  paper: { en: 'on paper', de: 'schriftlich' },
  verbal: { en: 'verbal', de: 'mündlich' },
  import: { en: 'imported', de: 'importiert' },
  privacy_center: { en: 'in the Privacy Center', de: 'im Datenschutz-Center' },
};

export function channelName(channel: unknown, lang: Lang): string {
  return CHANNELS[String(channel)]?.[lang] ?? String(channel);
}

export function methodName(method: unknown, lang: Lang): string {
  return METHODS[String(method)]?.[lang] ?? String(method);
}

/** Both languages from one template function. */
export function both(render: (lang: Lang) => string): Bilingual {
  return { en: render('en'), de: render('de') };
}
