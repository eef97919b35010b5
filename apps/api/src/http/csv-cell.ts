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

/** One CSV record (RFC 4180: CRLF line end). */
export function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
