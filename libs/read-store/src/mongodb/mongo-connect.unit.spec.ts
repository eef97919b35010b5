import { ReadStoreUnavailableError } from '../errors';
import { connectMongo, databaseName, redactText, redactUri } from './mongo-connect';
import { countWritten, guardedWrite } from './mongo-writes';
import type { BulkWriteResult } from 'mongodb';

describe('mongodb connection settings', () => {
  it('takes the database from the URI path, else privacy_ledger', () => {
    expect(databaseName('mongodb://h:27017/ledger_prod?replicaSet=rs0')).toBe('ledger_prod');
    expect(databaseName('mongodb://u:p@h1,h2/')).toBe('privacy_ledger');
    expect(databaseName('mongodb+srv://cluster.example.net')).toBe('privacy_ledger');
  });

  it('hides the password in URIs and in driver messages', () => {
    expect(redactUri('mongodb://app:s3cret@h/db')).toBe('mongodb://app:***@h/db');
    expect(redactText('auth failed for s3cret', 'mongodb://app:s3cret@h/db')).toBe('auth failed for ***');
  });

  it('fails fast on an unreachable server, naming MONGODB_URI without the password', async () => {
    const started = Date.now();
    const error = await connectMongo('mongodb://app:s3cret@127.0.0.1:9/ledger', 300).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReadStoreUnavailableError);
    const { message, setting } = error as ReadStoreUnavailableError;
    expect(setting).toBe('MONGODB_URI');
    expect(message).toContain('MONGODB_URI=mongodb://app:***@127.0.0.1:9/ledger');
    expect(message).not.toContain('s3cret');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a malformed URI without echoing it', async () => {
    const error = await connectMongo('postgres://app:s3cret@h/db', 300).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReadStoreUnavailableError);
    expect((error as Error).message).not.toContain('s3cret');
  });
});

describe('guarded writes', () => {
  it('replaces only a document with a lower position, and keeps "$" strings literal', () => {
    const op = guardedWrite({ kind: 'put', collection: 'c', id: 'a', doc: { price: '$5' }, position: 7 });
    expect(op).toEqual({
      updateOne: {
        filter: { _id: 'a' },
        upsert: true,
        update: [
          {
            $replaceWith: {
              $cond: [
                { $lt: [{ $ifNull: ['$_position', -1] }, 7] },
                { _id: 'a', _position: 7, doc: { $literal: { price: '$5' } } },
                '$$ROOT',
              ],
            },
          },
        ],
      },
    });
  });

  it('turns a delete into a tombstone with its position', () => {
    const op = guardedWrite({ kind: 'delete', collection: 'c', id: 'a', position: 3 }) as {
      updateOne: { update: unknown[] };
    };
    expect(JSON.stringify(op.updateOne.update)).toContain('{"_id":"a","_position":3,"doc":null}');
  });

  it('does not count a tombstone for a document that never existed as written', () => {
    const writes = [
      { kind: 'put' as const, collection: 'c', id: 'a', doc: {}, position: 1 },
      { kind: 'delete' as const, collection: 'c', id: 'b', position: 2 },
    ];
    const result = { modifiedCount: 0, upsertedIds: { 0: 'a', 1: 'b' } } as unknown as BulkWriteResult;
    expect(countWritten(result, writes)).toBe(1);
  });
});
