import { TextDecoder } from 'node:util';
import type { Readable } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { ErrorCodes } from '#domain';
import type { ReadItem, UnreadableRecord } from './import-record';
import { ImportFileError } from './import-record';
import { csvRowToFields } from './csv-mapping';

type Parsed = { record: Buffer[]; info: Info };

/**
 * Records of a CSV file with a header row. Cells arrive as bytes and are decoded one by one, so a
 * cell that is not UTF-8 refuses its row (naming the column) and the rest of the file goes on.
 */
export async function* readCsv(
  input: Readable,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<ReadItem> {
  const parser = parse({
    encoding: null as unknown as BufferEncoding,
    info: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const skipped: UnreadableRecord[] = [];
  parser.on('skip', (error: CsvError & { lines?: number }) => skipped.push(malformed(error)));
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let header: string[] | undefined;
  let bytes = 0;
  for await (const { record, info } of parser as AsyncIterable<Parsed>) {
    yield* skipped.splice(0);
    onBytes(info.bytes - bytes);
    bytes = info.bytes;
    if (header === undefined) header = headerOf(record);
    else yield row(header, record, startLine(record, info));
  }
  yield* skipped.splice(0);
}

function headerOf(record: Buffer[]): string[] {
  const names = record.map((cell) => decode(cell)?.trim());
  if (names.some((name) => name === undefined)) throw new ImportFileError('the CSV header row is not valid UTF-8');
  if (!names.includes('kind'))
    throw new ImportFileError('the CSV header row has no "kind" column (see docs/import-format.md)');
  return names as string[];
}

function row(header: string[], record: Buffer[], line: number): ReadItem {
  const cells: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) {
    const text = decode(record[i]);
    if (text === undefined) {
      return {
        line,
        refusal: {
          line,
          field: header[i],
          code: ErrorCodes.IMPORT_ENCODING_INVALID,
          reason: `column ${header[i]} is not valid UTF-8 (invalid byte sequence)`,
        },
      };
    }
    cells[header[i]] = text.trim();
  }
  return { line, fields: csvRowToFields(cells) };
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(cell: Buffer | undefined): string | undefined {
  if (cell === undefined) return '';
  try {
    return decoder.decode(cell);
  } catch {
    return undefined;
  }
}

/** csv-parse counts the line a record ends on; a quoted cell may span lines. */
function startLine(record: Buffer[], info: Info): number {
  const inner = record.reduce((sum, cell) => sum + cell.filter((byte) => byte === 0x0a).length, 0);
  return info.lines - inner;
}

function malformed(error: CsvError & { lines?: number }): UnreadableRecord {
  const line = Number(error.lines ?? 0);
  return { line, refusal: { line, code: ErrorCodes.IMPORT_MALFORMED, reason: error.message } };
}
