import { createHash, randomUUID } from 'node:crypto';
import { uuidFromBytes } from '#runtime';
import type { CommandContext } from '#application';

/**
 * New ids are random, except under an Idempotency-Key: then they derive from the actor, the key
 * and the scope, so a retried POST lands on the same stream and finds its own earlier events.
 * The context's key is already keyed (RequestKeys), so the id reveals nothing of the client's key.
 */
export function subjectIdFor(ctx: CommandContext, scope = 'subject'): string {
  if (!ctx.idempotencyKey) return randomUUID();
  return uuidFromBytes(createHash('sha256').update(`${ctx.actor}\n${ctx.idempotencyKey}\n${scope}`).digest());
}
