import { createHash, randomUUID } from 'node:crypto';
import type { CommandContext } from '#application';

/**
 * New ids are random, except under an Idempotency-Key: then they derive from the actor, the key
 * and the scope, so a retried POST lands on the same stream and finds its own earlier events.
 */
export function subjectIdFor(ctx: CommandContext, scope = 'subject'): string {
  if (!ctx.idempotencyKey) return randomUUID();
  const bytes = createHash('sha256').update(`${ctx.actor}\n${ctx.idempotencyKey}\n${scope}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
