import { hash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { MasterKey } from '#crypto';
import { RequestKeys } from '#runtime';
import { MAX_JSON_NESTING } from '#application';
import { ImportFileError, type ReadItem } from './import-record';
import { readCsv } from './read-csv';
import { readNdjson } from './read-ndjson';
import { recordEnvelope } from './record-envelope';
import { importedSubjectId, importKey } from './record-keys';

async function collect(reader: AsyncGenerator<ReadItem>): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of reader) items.push(item);
  return items;
}

/** Bytes split at awkward places, as a socket or file stream delivers them. */
const chunked = (bytes: Buffer, size = 7) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)),
  );

describe('NDJSON reading', () => {
  it('yields one record per line with its line number, across chunk boundaries, skipping blank lines and CRs', async () => {
    const items = await collect(
      readNdjson(chunked(Buffer.from('{"kind":"subject","n":"Jürgen"}\r\n\n{"kind":"consent"}'))),
    );
    expect(items).toEqual([
      { line: 1, fields: { kind: 'subject', n: 'Jürgen' } },
      { line: 3, fields: { kind: 'consent' } },
    ]);
  });

  it('refuses a malformed line and a line that is not an object, and goes on', async () => {
    const items = await collect(
      readNdjson(Readable.from([Buffer.from('{"mail":"anna@example.org"\n[1]\n{"kind":"block"}\n')])),
    );
    expect(items).toEqual([
      // The reason never quotes the line: it may hold personal data and reports get passed around.
      {
        line: 1,
        refusal: expect.objectContaining({
          line: 1,
          code: 'IMPORT.MALFORMED',
          reason: expect.not.stringContaining('anna'),
        }),
      },
      {
        line: 2,
        refusal: expect.objectContaining({
          line: 2,
          code: 'IMPORT.MALFORMED',
          reason: 'each line must be one JSON object',
        }),
      },
      { line: 3, fields: { kind: 'block' } },
    ]);
  });

  it('refuses a line nested deeper than the JSON nesting limit before parsing it, and goes on', async () => {
    const deep = `{"kind":"subject","x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const items = await collect(readNdjson(Readable.from([Buffer.from(`${deep}\n{"kind":"block"}\n`)])));
    expect(items).toEqual([
      {
        line: 1,
        refusal: { line: 1, code: 'IMPORT.MALFORMED', reason: `nested deeper than ${MAX_JSON_NESTING} levels` },
      },
      { line: 2, fields: { kind: 'block' } },
    ]);
  });

  it('refuses a line with an invalid UTF-8 byte sequence (a Latin-1 export) by its line number', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('{"a":1}\n{"name":"J'),
      Buffer.from([0xfc]),
      Buffer.from('rgen"}\n{"b":2}\n'),
    ]);
    const items = await collect(readNdjson(chunked(latin1, 3)));
    expect(items[1]).toEqual({ line: 2, refusal: expect.objectContaining({ code: 'IMPORT.ENCODING_INVALID' }) });
    expect(items[2]).toEqual({ line: 3, fields: { b: 2 } });
  });

  it('stops with one clear error on a UTF-16 file', async () => {
    await expect(collect(readNdjson(Readable.from([Buffer.from('\ufeff{"a":1}', 'utf16le')])))).rejects.toThrow(
      new ImportFileError('the file is UTF-16 encoded; save it as UTF-8 and import again'),
    );
  });
});

describe('CSV reading and column mapping', () => {
  it('maps contact.<channel>, profile.<field>, numbers and yes/no onto the NDJSON fields', async () => {
    const csv =
      'kind,externalId,contact.email,contact.phone.mobile,profile.firstName,textVersion,affirmativeAction,formId\nsubject,C-1,a@example.org,+49 30 1234,Anna,2,yes,\n';
    const [item] = await collect(readCsv(Readable.from([Buffer.from(csv)])));
    expect(item).toEqual({
      line: 2,
      fields: {
        kind: 'subject',
        externalId: 'C-1',
        textVersion: 2,
        affirmativeAction: true,
        contactPoints: [
          { contactPointId: 'email', channel: 'email', address: 'a@example.org' },
          { contactPointId: 'mobile', channel: 'phone', address: '+49 30 1234' },
        ],
        profile: { firstName: 'Anna' },
      },
    });
  });

  it('maps externalId.<system> onto identity links, the bare externalId staying the record id', async () => {
    const csv = 'kind,externalId,externalId.crm,externalId.shop\nsubject,C-1,4711,K:08.15\nsubject,C-2,,\n';
    const items = await collect(readCsv(Readable.from([Buffer.from(csv)])));
    expect(items).toEqual([
      {
        line: 2,
        fields: {
          kind: 'subject',
          externalId: 'C-1',
          externalIds: [
            { system: 'crm', id: '4711' },
            { system: 'shop', id: 'K:08.15' },
          ],
        },
      },
      { line: 3, fields: { kind: 'subject', externalId: 'C-2' } },
    ]);
  });

  it('refuses a row with a cell that is not UTF-8, naming the column, and a row of the wrong length; the rest goes on', async () => {
    const csv = Buffer.concat([
      Buffer.from('kind,externalId,reason\nblock,C-1,M'),
      Buffer.from([0xfc]),
      Buffer.from('ll\nblock,C-2\nblock,C-3,"two\nlines"\n'),
    ]);
    // A skipped row may be reported before the row read ahead of it; the report sorts by line.
    const items = (await collect(readCsv(chunked(csv, 5)))).sort((a, b) => a.line - b.line);
    expect(items).toEqual([
      { line: 2, refusal: expect.objectContaining({ line: 2, field: 'reason', code: 'IMPORT.ENCODING_INVALID' }) },
      { line: 3, refusal: expect.objectContaining({ line: 3, code: 'IMPORT.MALFORMED' }) },
      { line: 4, fields: { kind: 'block', externalId: 'C-3', reason: 'two\nlines' } },
    ]);
  });

  it('stops with one clear error when the header has no kind column', async () => {
    await expect(collect(readCsv(Readable.from([Buffer.from('type,id\nsubject,1\n')])))).rejects.toThrow(
      /no "kind" column/,
    );
  });
});

describe('record envelope', () => {
  const now = '2026-01-01T00:00:00Z';
  const refusal = (fields: Record<string, unknown>) => {
    try {
      recordEnvelope(fields, now);
    } catch (error) {
      return error;
    }
    throw new Error('not refused');
  };

  it('refuses an unknown kind, a missing externalId or sourceSystem, a malformed or future date, each naming its field', () => {
    expect(refusal({ kind: 'lead', sourceSystem: 'crm', externalId: '1' })).toMatchObject({
      code: 'IMPORT.KIND_UNKNOWN',
      field: 'kind',
    });
    expect(refusal({ kind: 'subject', sourceSystem: 'crm' })).toMatchObject({
      code: 'IMPORT.FIELD_REQUIRED',
      field: 'externalId',
    });
    expect(refusal({ kind: 'subject', externalId: '1' })).toMatchObject({
      code: 'IMPORT.FIELD_REQUIRED',
      field: 'sourceSystem',
    });
    expect(
      refusal({ kind: 'revocation', sourceSystem: 'crm', externalId: '1', occurredAt: '04.03.2021' }),
    ).toMatchObject({ code: 'IMPORT.DATE_INVALID', field: 'occurredAt' });
    expect(
      refusal({ kind: 'consent', sourceSystem: 'crm', externalId: '1', capturedAt: '2027-01-01T00:00:00Z' }),
    ).toMatchObject({ code: 'IMPORT.DATE_IN_FUTURE', field: 'capturedAt' });
  });

  it('fills a missing sourceSystem from the default', () => {
    expect(recordEnvelope({ kind: 'subject', externalId: ' C-1 ' }, now, 'crm')).toEqual({
      kind: 'subject',
      sourceSystem: 'crm',
      externalId: 'C-1',
    });
  });
});

describe('record keys', () => {
  const keys = RequestKeys.fromMaster(MasterKey.fromBytes(randomBytes(32)));
  const sameMaster = MasterKey.fromBytes(randomBytes(32));

  it('derives the same version-4-shaped subject UUID for the same source and id, another for another', () => {
    const id = importedSubjectId(keys, 'crm', 'C-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedSubjectId(keys, 'crm', 'C-1')).toBe(id);
    expect(importedSubjectId(keys, 'shop', 'C-1')).not.toBe(id);
  });

  it('keeps the CRM id out of the Idempotency-Key (event metadata is not encrypted)', () => {
    const key = importKey(keys, ['crm', 'C-4711', 'consent', 'newsletter', 'email']);
    expect(key).toMatch(/^import:[0-9a-f]{64}$/);
    expect(key).not.toContain('4711');
  });

  it('keys ids and Idempotency-Keys: the same under one master key (every run), unguessable without it', () => {
    const parts = ['crm', 'C-4711', 'subject'];
    const a = RequestKeys.fromMaster(sameMaster);
    const b = RequestKeys.fromMaster(sameMaster);
    expect(importKey(a, parts)).toBe(importKey(b, parts));
    expect(importedSubjectId(a, 'crm', 'C-4711')).toBe(importedSubjectId(b, 'crm', 'C-4711'));
    expect(importKey(keys, parts)).not.toBe(importKey(a, parts));
    expect(importedSubjectId(keys, 'crm', 'C-4711')).not.toBe(importedSubjectId(a, 'crm', 'C-4711'));
    // What the unkeyed derivations gave: anyone could recompute them from a guessed CRM id.
    expect(importKey(a, parts)).not.toBe(`import:${hash('sha256', parts.join('\u001f'), 'hex')}`);
    expect(importedSubjectId(a, 'crm', 'C-4711').replace(/-/g, '').slice(0, 12)).not.toBe(
      hash('sha256', 'import:crm:C-4711', 'hex').slice(0, 12),
    );
  });
});
