import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { OperationalStore } from '#read-store';

export const LEASE_COLLECTION = 'projection_leases';

interface LeaseDoc {
  [key: string]: unknown;
  owner: string | null;
  expiresAt: number;
  /** Set by `ledger rebuild`: the holder finishes its batch and lets go, so the swap can happen. */
  handover: boolean;
}

export type RenewOutcome = 'held' | 'lost' | 'handover';

/** Who holds a lease: the host and process, plus a random part so a restarted pid is someone new. */
export function leaseOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * One active runner per read model across processes (ARCHITECTURE.md, scale-out). The lease is a
 * document whose stored position is a fencing counter: every change writes counter + 1 under a
 * pseudo checkpoint of the same value, so of two racing writers exactly one sees `written: 1`
 * (SQLite by its transaction, MongoDB by the guarded write). A holder that stops renewing is
 * taken over once `expiresAt` has passed.
 */
export class ProjectionLease {
  private validUntil = 0;

  constructor(
    private readonly store: OperationalStore,
    readonly name: string,
    readonly owner: string,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while this owner holds the lease with some margin left; checked before every commit. */
  held(): boolean {
    return this.now() < this.validUntil - this.ttlMs / 4;
  }

  async tryAcquire(): Promise<boolean> {
    const { doc, position } = await this.read();
    const free = doc.owner === null || doc.owner === this.owner || doc.expiresAt <= this.now();
    if (!free || (doc.owner === this.owner && doc.handover)) return false;
    return this.write(position, { owner: this.owner, expiresAt: this.now() + this.ttlMs, handover: false });
  }

  async renew(): Promise<RenewOutcome> {
    const { doc, position } = await this.read();
    if (doc.owner !== this.owner || doc.expiresAt <= this.now()) return this.lose();
    if (doc.handover) return 'handover';
    const ok = await this.write(position, { ...doc, expiresAt: this.now() + this.ttlMs });
    return ok ? 'held' : this.renew();
  }

  /** Lets a standby (or a waiting rebuild) take over at once instead of after the TTL. */
  async release(): Promise<void> {
    this.validUntil = 0;
    const { doc, position } = await this.read();
    if (doc.owner === this.owner) await this.write(position, { owner: null, expiresAt: 0, handover: false });
  }

  /** Asks the current holder to let go; returns false when the lease changed meanwhile. */
  async requestHandover(): Promise<boolean> {
    const { doc, position } = await this.read();
    if (doc.owner === null || doc.owner === this.owner || doc.handover) return true;
    return this.write(position, { ...doc, handover: true });
  }

  private lose(): RenewOutcome {
    this.validUntil = 0;
    return 'lost';
  }

  private async read(): Promise<{ doc: LeaseDoc; position: number }> {
    const stored = await this.store.get<LeaseDoc>(LEASE_COLLECTION, this.name);
    return stored ? stored : { doc: { owner: null, expiresAt: 0, handover: false }, position: 0 };
  }

  private async write(position: number, doc: LeaseDoc): Promise<boolean> {
    const next = position + 1;
    const result = await this.store.commit({
      projection: `${this.name}#lease`,
      checkpoint: next,
      writes: [{ kind: 'put', collection: LEASE_COLLECTION, id: this.name, doc, position: next }],
    });
    const won = result.written === 1;
    if (won && doc.owner === this.owner) this.validUntil = doc.expiresAt;
    return won;
  }
}
