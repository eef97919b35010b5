import type { ProcessingRegister } from './processing-register';

const COLUMNS = [
  'controllerName', 'controllerContact', 'topicId', 'name', 'purpose', 'status', 'legalBasis', 'article',
  'categoriesOfPersonalData', 'categoriesOfDataSubjects', 'recipients', 'retentionDays', 'retention', 'safeguards',
] as const;

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
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
  ]);
  return [COLUMNS.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
