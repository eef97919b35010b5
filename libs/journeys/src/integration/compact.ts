/** Drops undefined fields, so the published JSON has no `"topic": null` noise and a stable shape. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
