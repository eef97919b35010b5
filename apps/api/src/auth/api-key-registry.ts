import { findApiKey, type ApiKeyEntry, type CallerIdentity } from './api-key';

/** The keys loaded at start; keys added later (e.g. by the `ledger` CLI) count after a restart. */
export class ApiKeyRegistry {
  private readonly entries: readonly ApiKeyEntry[];

  constructor(entries: readonly ApiKeyEntry[]) {
    this.entries = entries.map((entry) => ({ ...entry, roles: [...entry.roles] }));
  }

  authenticate(clearKey: string): CallerIdentity | undefined {
    const entry = findApiKey(this.entries, clearKey);
    return entry && { name: entry.name, roles: entry.roles };
  }
}
