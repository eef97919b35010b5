import { TextDecoder } from 'node:util';
import type { Readable } from 'node:stream';
import { ImportFileError } from './import-record';

const NEWLINE = 0x0a;
const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** One line as bytes were decoded: the text, or undefined when its bytes are not UTF-8. */
export interface DecodedLine {
  line: number;
  text: string | undefined;
  bytes: number;
}

/**
 * Splits a byte stream into lines without ever holding more than one line plus one chunk.
 * The split is on bytes: 0x0A never occurs inside a multi-byte UTF-8 sequence, so each line can
 * be decoded on its own and a bad one refused without losing the rest of the file.
 */
export async function* utf8Lines(input: Readable): AsyncGenerator<DecodedLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending: Buffer[] = [];
  let line = 0;
  let first = true;
  for await (const raw of input) {
    let chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw));
    if (first) chunk = checkedStart(chunk);
    first = false;
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
      pending.push(chunk.subarray(start, at));
      yield decode(decoder, Buffer.concat(pending), ++line);
      pending = [];
      start = at + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  const rest = Buffer.concat(pending);
  if (rest.length > 0) yield decode(decoder, rest, ++line);
}

/** A UTF-16 file would decode to noise line by line; say once what is wrong instead. */
function checkedStart(chunk: Buffer): Buffer {
  if (UTF16_BOMS.some((bom) => chunk.subarray(0, 2).equals(bom))) {
    throw new ImportFileError('the file is UTF-16 encoded; save it as UTF-8 and import again');
  }
  return chunk.subarray(0, 3).equals(UTF8_BOM) ? chunk.subarray(3) : chunk;
}

function decode(decoder: TextDecoder, bytes: Buffer, line: number): DecodedLine {
  const body = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
  try {
    return { line, text: decoder.decode(body), bytes: bytes.length + 1 };
  } catch {
    return { line, text: undefined, bytes: bytes.length + 1 };
  }
}
