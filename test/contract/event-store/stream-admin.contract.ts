import { WrongExpectedVersionError } from '#event-store';
import { eventsOf, type StoreGetter, unique } from './helpers';

export function streamAdminContract(store: StoreGetter): void {
  describe('stream metadata', () => {
    it('reads undefined before any is set, then what was set last', async () => {
      const stream = unique('meta');
      expect(await store().getStreamMetadata(stream)).toBeUndefined();
      await store().setStreamMetadata(stream, { maxAge: 3600, custom: { owner: 'crm', ключ: '値' } });
      expect(await store().getStreamMetadata(stream)).toEqual({ maxAge: 3600, custom: { owner: 'crm', ключ: '値' } });
      await store().setStreamMetadata(stream, { custom: { owner: 'audit' } });
      expect(await store().getStreamMetadata(stream)).toEqual({ custom: { owner: 'audit' } });
    });

    it('hides revisions before truncateBefore and beyond maxCount from stream reads', async () => {
      const stream = unique('meta-tb');
      await store().appendToStream(stream, eventsOf('E', 5), 'no_stream');
      await store().setStreamMetadata(stream, { truncateBefore: 3 });
      expect((await store().readStream(stream)).map((e) => e.revision)).toEqual([3, 4]);
      await store().setStreamMetadata(stream, { maxCount: 1 });
      expect((await store().readStream(stream, { direction: 'backwards' })).map((e) => e.revision)).toEqual([4]);
    });

    it('applies maxCount and truncateBefore to forward reads from a revision as to backward ones', async () => {
      const stream = unique('meta-fw');
      await store().appendToStream(stream, eventsOf('E', 6), 'no_stream');
      await store().setStreamMetadata(stream, { maxCount: 3, truncateBefore: 4 });
      const revisions = async (options: Parameters<ReturnType<StoreGetter>['readStream']>[1]) =>
        (await store().readStream(stream, options)).map((e) => e.revision);
      expect(await revisions({})).toEqual([4, 5]);
      expect(await revisions({ fromRevision: 5 })).toEqual([5]);
      expect(await revisions({ fromRevision: 6 })).toEqual([]);
      expect(await revisions({ fromRevision: 0, maxCount: 1 })).toEqual([4]);
      await store().setStreamMetadata(stream, { maxCount: 3 });
      expect(await revisions({ fromRevision: 1 })).toEqual([3, 4, 5]);
      expect(await revisions({ direction: 'backwards' })).toEqual([5, 4, 3]);
    });
  });

  describe('deleteStream', () => {
    it('soft-deletes: the stream reads empty, the global log keeps its events', async () => {
      const stream = unique('delete');
      const start = await store().headPosition();
      await store().appendToStream(stream, eventsOf('E', 3), 'no_stream');
      await store().deleteStream(stream, 2);
      expect(await store().readStream(stream)).toEqual([]);
      expect(await store().readStream(stream, { direction: 'backwards' })).toEqual([]);
      const inLog = await store().readAll({ after: start, filter: { streamPrefixes: [stream] } });
      expect(inLog.map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('lets a deleted stream be written again, revisions continuing', async () => {
      const stream = unique('reappend');
      await store().appendToStream(stream, eventsOf('E', 2), 'no_stream');
      await store().deleteStream(stream);
      const result = await store().appendToStream(stream, eventsOf('Again', 2), 'any');
      expect(result.nextExpectedRevision).toBe(3);
      const read = await store().readStream(stream);
      expect(read.map((e) => `${e.type}/${e.revision}`)).toEqual(['Again/2', 'Again/3']);
      expect((await store().appendToStream(stream, eventsOf('E', 1), 3)).nextExpectedRevision).toBe(4);
    });

    it('refuses a delete with the wrong expected revision and keeps the stream', async () => {
      const stream = unique('delete-wrong');
      await store().appendToStream(stream, eventsOf('E', 2), 'no_stream');
      const err = await store()
        .deleteStream(stream, 0)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WrongExpectedVersionError);
      expect(err).toMatchObject({ stream, expected: 0, actual: 1 });
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });

  describe('health', () => {
    it('reports the adapter as healthy', async () => {
      const health = await store().health();
      expect(health).toMatchObject({ adapter: store().adapter, ok: true });
      expect(typeof health.detail).toBe('string');
    });
  });
}
