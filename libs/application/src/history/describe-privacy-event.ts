import type { Lang } from './labels';

type Describer = (data: Record<string, any>, lang: Lang) => string;

const pick = (lang: Lang, en: string, de: string) => (lang === 'en' ? en : de);

const KINDS: Record<string, [en: string, de: string]> = {
  access: ['access (Art. 15)', 'Auskunft (Art. 15)'],
  rectification: ['rectification (Art. 16)', 'Berichtigung (Art. 16)'],
  erasure: ['erasure (Art. 17)', 'Löschung (Art. 17)'],
  portability: ['portability (Art. 20)', 'Datenübertragbarkeit (Art. 20)'],
  objection: ['objection (Art. 21)', 'Widerspruch (Art. 21)'],
  restriction: ['restriction (Art. 18)', 'Einschränkung (Art. 18)'],
};

const kind = (value: unknown, lang: Lang) => pick(lang, ...(KINDS[String(value)] ?? [String(value), String(value)]));
const day = (iso: unknown) => String(iso ?? '').slice(0, 10);

/** Data-subject requests, legal holds, erasure and export: ids, kinds and dates only, never a reason. */
export const PRIVACY_DESCRIBERS: Record<string, Describer> = {
  DataSubjectRequestReceived: (d, l) =>
    pick(
      l,
      `Request received: ${kind(d.kind, l)}, due ${day(d.dueAt)} (Art. 12(3))`,
      `Antrag eingegangen: ${kind(d.kind, l)}, fällig am ${day(d.dueAt)} (Art. 12(3))`,
    ),
  DataSubjectRequestExtended: (d, l) =>
    pick(
      l,
      `Request deadline extended by ${d.months} month(s) to ${day(d.extendedUntil)}`,
      `Antragsfrist um ${d.months} Monat(e) verlängert bis ${day(d.extendedUntil)}`,
    ),
  DataSubjectRequestFulfilled: (_d, l) => pick(l, 'Request fulfilled', 'Antrag erfüllt'),
  DataSubjectRequestRejected: (_d, l) => pick(l, 'Request rejected', 'Antrag abgelehnt'),
  LegalHoldPlaced: (d, l) =>
    pick(l, `Legal hold placed until ${day(d.until)}`, `Aufbewahrungspflicht eingetragen bis ${day(d.until)}`),
  LegalHoldReleased: (_d, l) => pick(l, 'Legal hold released', 'Aufbewahrungspflicht aufgehoben'),
  ErasureRequested: (_d, l) => pick(l, 'Erasure requested (Art. 17)', 'Löschung verlangt (Art. 17)'),
  ErasureDeferred: (d, l) =>
    pick(
      l,
      `Erasure deferred by a legal hold until ${day(d.until)}`,
      `Löschung wegen Aufbewahrungspflicht aufgeschoben bis ${day(d.until)}`,
    ),
  SubjectErased: (_d, l) =>
    pick(
      l,
      'Personal data erased: the data key was destroyed (Art. 17)',
      'Personenbezogene Daten gelöscht: der Datenschlüssel wurde vernichtet (Art. 17)',
    ),
  SubjectExported: (_d, l) =>
    pick(l, 'Copy of the data handed out (Art. 15, 20)', 'Kopie der Daten herausgegeben (Art. 15, 20)'),
  ExportDeliveryRequested: (d, l) =>
    pick(
      l,
      `Copy sent as a single-use link, valid until ${day(d.expiresAt)} (Art. 15(3))`,
      `Kopie als Einmal-Link versandt, gültig bis ${day(d.expiresAt)} (Art. 15(3))`,
    ),
  ExportDeliveryOpened: (_d, l) =>
    pick(l, 'Copy fetched by the person through the link', 'Kopie über den Link abgerufen'),
};
