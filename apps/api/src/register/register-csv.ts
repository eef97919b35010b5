import type { ProcessingRegister } from './processing-register';

const COLUMNS = [
  'controllerName',
  'controllerContact',
  'topicId',
  'name',
  'purpose',
  'status',
  'legalBasis',
  'article',
  'categoriesOfPersonalData',
  'categoriesOfDataSubjects',
  'recipients',
  'retentionDays',
  'retention',
  'safeguards',
  'profiling',
  'automatedDecision',
  'offeredToChildren',
] as const;

/** A cell a spreadsheet would run as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** The same after a `;`, `,` or tab inside a value: a spreadsheet that splits on it starts a new cell there. */
const EMBEDDED_FORMULA = /([;,\t]\s*)([=+\-@])/g;

/**
 * Every field quoted (RFC 4180), and every place where a cell could start with a formula
 * character defused with a leading `'`, which spreadsheets show as text: a title `Promo;=1+1`
 * must not become a formula cell in a spreadsheet that splits rows on `;`.
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = (FORMULA_START.test(text) ? `'${text}` : text).replace(EMBEDDED_FORMULA, "$1'$2");
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One row per processing activity; lists joined with "; ". */
export function registerCsv(register: ProcessingRegister): string {
  const measures = new Map(register.safeguards.map((s) => [s.id, s.measure]));
  const rows = register.activities.map((a) => [
    register.controller.name,
    register.controller.contact,
    a.topicId,
    a.name,
    a.purpose,
    a.status,
    a.legalBasis.basis,
    a.legalBasis.article,
    a.categoriesOfPersonalData.join('; '),
    a.categoriesOfDataSubjects.join('; '),
    a.recipients.map((r) => `${r.kind}: ${r.name}`).join('; '),
    a.retention.days,
    a.retention.period,
    a.safeguards.map((id) => measures.get(id) ?? id).join('; '),
    yesNo(a.profiling),
    a.automatedDecision ? `${a.automatedDecision.logic}; consequences: ${a.automatedDecision.consequences}` : 'no',
    yesNo(a.offeredToChildren),
  ]);
  return [COLUMNS.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
