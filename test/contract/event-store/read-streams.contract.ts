import { eventsOf, type StoreGetter, unique } from './helpers';

export function readStreamsContract(store: StoreGetter): void {
  describe('readStreams', () => {
    it('reads each stream as readStream does: from a revision, unknown, deleted, truncated, twice', async () => {
      const [plain, deleted, truncated, missing] = ['many', 'many-del', 'many-trunc', 'many-missing'].map(unique);
      await store().appendToStream(plain!, eventsOf('A', 4), 'no_stream');
      await store().appendToStream(deleted!, eventsOf('B', 2), 'no_stream');
      await store().deleteStream(deleted!);
      await store().appendToStream(truncated!, eventsOf('C', 5), 'no_stream');
      await store().setStreamMetadata(truncated!, { truncateBefore: 3 });
      const reads = [
        { stream: plain! },
        { stream: plain!, fromRevision: 2 },
        { stream: plain!, fromRevision: 4 },
        { stream: deleted! },
        { stream: truncated!, fromRevision: 1 },
        { stream: missing! },
      ];
      const singly = await Promise.all(
        reads.map((r) => store().readStream(r.stream, { fromRevision: r.fromRevision })),
      );
      const together = await store().readStreams(reads);
      expect(together).toEqual(singly);
      expect(together.map((events) => events.map((e) => e.revision))).toEqual([
        [0, 1, 2, 3],
        [2, 3],
        [],
        [],
        [3, 4],
        [],
      ]);
    });

    it('answers an empty list of reads with an empty list', async () => {
      expect(await store().readStreams([])).toEqual([]);
    });
  });
}
