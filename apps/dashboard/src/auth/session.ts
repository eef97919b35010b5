/**
 * The API key lives in sessionStorage: it survives a reload but not the tab, and is never written
 * to localStorage or a cookie (no CSRF surface, nothing left behind on a shared computer).
 */
const KEY = 'privacy-ledger.api-key';

export function storedKey(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY);
}
