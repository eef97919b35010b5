import type { Readable } from 'node:stream';
import { ErrorCodes } from '#domain';
import type { ReadItem } from './import-record';
import { utf8Lines } from './utf8-lines';
import { MAX_JSON_NESTING, nestsDeeperThan } from '#application';

/** Records of an NDJSON file, one JSON object per line; blank lines are skipped. */
export async function* readNdjson(
  input: Readable,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<ReadItem> {
  for await (const { line, text, bytes } of utf8Lines(input)) {
    onBytes(bytes);
    if (text === undefined) {
      yield {
        line,
        refusal: {
          line,
          code: ErrorCodes.IMPORT_ENCODING_INVALID,
          reason: 'the line is not valid UTF-8 (invalid byte sequence)',
        },
      };
    } else if (text.trim() !== '') {
      yield parseLine(line, text);
    }
  }
}

function parseLine(line: number, text: string): ReadItem {
  if (nestsDeeperThan(text))
    return {
      line,
      refusal: { line, code: ErrorCodes.IMPORT_MALFORMED, reason: `nested deeper than ${MAX_JSON_NESTING} levels` },
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8 quotes the offending text in its message; the line may hold personal data, so only the position is kept.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    return {
      line,
      refusal: {
        line,
        code: ErrorCodes.IMPORT_MALFORMED,
        reason: `not valid JSON${position === undefined ? '' : ` (at character ${Number(position) + 1})`}`,
      },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, refusal: { line, code: ErrorCodes.IMPORT_MALFORMED, reason: 'each line must be one JSON object' } };
  }
  return { line, fields: value as Record<string, unknown> };
}
