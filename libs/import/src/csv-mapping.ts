/**
 * The CSV column mapping (docs/import-format.md): one row per record, a `kind` column, and flat
 * columns that map onto the NDJSON record's fields. Empty cells count as absent.
 * - `contact.<channel>`: a contact point on that channel, its contactPointId the channel name;
 *   `contact.<channel>.<id>` names the contactPointId (several contact points on one channel).
 * - `profile.<field>`: a profile field.
 * - `externalId.<system>`: an identity link `{system, id}` (the bare `externalId` column stays the
 *   record's id in its source system).
 * - `textVersion` is a number, `affirmativeAction` true/false (also yes/no, 1/0).
 */
export function csvRowToFields(row: Record<string, string>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const contactPoints: Array<{ contactPointId: string; channel: string; address: string }> = [];
  const profile: Record<string, string> = {};
  const externalIds: Array<{ system: string; id: string }> = [];
  for (const [column, value] of Object.entries(row)) {
    if (value === '') continue;
    const [head, name, id] = column.split('.');
    if (head === 'contact' && name) contactPoints.push({ contactPointId: id ?? name, channel: name, address: value });
    else if (head === 'profile' && name) profile[name] = value;
    else if (head === 'externalId' && name) externalIds.push({ system: name, id: value });
    else fields[column] = typed(column, value);
  }
  if (contactPoints.length > 0) fields.contactPoints = contactPoints;
  if (Object.keys(profile).length > 0) fields.profile = profile;
  if (externalIds.length > 0) fields.externalIds = externalIds;
  return fields;
}

const TRUE = ['true', 'yes', '1'];
const FALSE = ['false', 'no', '0'];

function typed(column: string, value: string): unknown {
  if (column === 'textVersion' && /^\d+$/.test(value)) return Number(value);
  if (column === 'affirmativeAction') {
    const lower = value.toLowerCase();
    if (TRUE.includes(lower)) return true;
    if (FALSE.includes(lower)) return false;
  }
  return value;
}
