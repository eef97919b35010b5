import type { StreamMetadata as KurrentDbStreamMetadata } from '@kurrent/kurrentdb-client';
import type { JsonObject, StreamMetadata } from '../event-store.port';

// Custom metadata lives under one `custom` key rather than beside the `$`-prefixed system keys,
// so that it round-trips exactly and can never collide with a key KurrentDB reserves.
const CUSTOM_KEY = 'custom';

export function toKurrentDbMetadata(metadata: StreamMetadata): KurrentDbStreamMetadata {
  const out: KurrentDbStreamMetadata = {};
  if (metadata.maxAge !== undefined) out.maxAge = metadata.maxAge;
  if (metadata.maxCount !== undefined) out.maxCount = metadata.maxCount;
  if (metadata.truncateBefore !== undefined) out.truncateBefore = metadata.truncateBefore;
  if (metadata.custom !== undefined) out[CUSTOM_KEY] = metadata.custom;
  return out;
}

export function fromKurrentDbMetadata(metadata: KurrentDbStreamMetadata | undefined): StreamMetadata | undefined {
  if (!metadata) return undefined;
  const out: StreamMetadata = {};
  if (typeof metadata.maxAge === 'number') out.maxAge = metadata.maxAge;
  if (typeof metadata.maxCount === 'number') out.maxCount = metadata.maxCount;
  if (typeof metadata.truncateBefore === 'number') out.truncateBefore = metadata.truncateBefore;
  const custom = metadata[CUSTOM_KEY];
  if (custom && typeof custom === 'object' && !Array.isArray(custom)) out.custom = custom as JsonObject;
  return out;
}
