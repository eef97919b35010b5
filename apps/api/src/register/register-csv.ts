import { csvCell } from '../http/csv-cell';
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
  'dpvPurposes',
  'dpvLegalBasis',
  'profiling',
  'automatedDecision',
  'offeredToChildren',
] as const;

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
    a.dpv.purposes.join('; '),
    a.dpv.legalBasis.join('; '),
    yesNo(a.profiling),
    a.automatedDecision ? `${a.automatedDecision.logic}; consequences: ${a.automatedDecision.consequences}` : 'no',
    yesNo(a.offeredToChildren),
  ]);
  return [COLUMNS.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
