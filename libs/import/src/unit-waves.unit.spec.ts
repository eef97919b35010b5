import { UnitWaves } from './unit-waves';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('UnitWaves', () => {
  it('starts a whole wave before any unit of it finishes, so they share one commit', async () => {
    const started: number[] = [];
    let finished = 0;
    const waves = new UnitWaves<number>(3, async ([n]) => {
      started.push(n!);
      await tick();
      finished++;
    });
    for (const n of [1, 2, 3]) await waves.add({ key: `s${n}`, records: [n] });
    expect(started).toEqual([1, 2, 3]);
    expect(finished).toBe(0);
    await waves.drain();
    expect(finished).toBe(3);
  });

  it('starts the next wave while the one before commits, never more than two waves in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const waves = new UnitWaves<number>(2, async () => {
      most = Math.max(most, ++inFlight);
      await tick();
      await tick();
      inFlight--;
    });
    for (let n = 0; n < 9; n++) await waves.add({ key: `s${n}`, records: [n] });
    await waves.drain();
    expect(most).toBe(4);
    expect(inFlight).toBe(0);
  });

  it("runs one subject's units in file order, within a wave and across waves", async () => {
    for (const size of [4, 1]) {
      const done: number[] = [];
      const waves = new UnitWaves<number>(size, async ([n]) => {
        if (n === 1) await tick();
        done.push(n!);
      });
      for (const n of [1, 2, 3]) await waves.add({ key: 'same', records: [n] });
      await waves.drain();
      expect(done).toEqual([1, 2, 3]);
    }
  });

  it('reports the first failure from drain; a caller that checks `failed` starts at most one wave after it', async () => {
    const ran: number[] = [];
    const waves = new UnitWaves<number>(1, async ([n]) => {
      ran.push(n!);
      if (n === 2) throw new Error('disk full');
    });
    for (const n of [1, 2, 3, 4, 5]) {
      if (waves.failed) break;
      await waves.add({ key: `s${n}`, records: [n] });
    }
    await expect(waves.drain()).rejects.toThrow('disk full');
    expect(ran).toEqual([1, 2, 3]);
  });

  it('drain runs the last, partial wave', async () => {
    const ran: number[] = [];
    const waves = new UnitWaves<number>(10, async ([n]) => void ran.push(n!));
    await waves.add({ key: 'a', records: [1] });
    expect(ran).toEqual([]);
    await waves.drain();
    expect(ran).toEqual([1]);
  });
});
