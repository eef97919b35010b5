import type { RequestKeys } from '#runtime';

/** The keyed derivations the import needs (see record-keys.ts). */
export type IdKeys = Pick<RequestKeys, 'uuid' | 'fingerprint'>;

const REMEMBERED = 32;

/**
 * RequestKeys with the last few derived UUIDs remembered: a subject's records arrive together
 * and each names the same subject id and contact points, so one HMAC serves all of them. Same
 * answers as the keys themselves; only the repeats are skipped.
 */
export class RecentIds implements IdKeys {
  private readonly uuids = new Map<string, string>();

  constructor(private readonly keys: IdKeys) {}

  uuid(text: string): string {
    let id = this.uuids.get(text);
    if (id === undefined) {
      if (this.uuids.size >= REMEMBERED) this.uuids.clear();
      id = this.keys.uuid(text);
      this.uuids.set(text, id);
    }
    return id;
  }

  fingerprint(content: string): string {
    return this.keys.fingerprint(content);
  }
}
