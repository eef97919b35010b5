/** Who asked, when, and how to recognise a retry; set at the edge, stored in every event's metadata. */
export interface CommandContext {
  /** The API key's name (or `cli`, `scheduler`, `import`): who acted, never personal data. */
  actor: string;
  /** ISO-8601 time the edge received the command; the only clock the domain sees. */
  now: string;
  correlationId?: string;
  /** Art. 15(1)(g): the system the data came from (an import's source, `X-Source-System`); never personal data. */
  sourceSystem?: string;
  /** The client's Idempotency-Key as RequestKeys keyed it (never the clear key); scoped to the actor. */
  idempotencyKey?: string;
  /** Keyed fingerprint of the request (RequestKeys), so a reused key with another request is refused rather than replayed. */
  requestHash?: string;
}

export function eventMetadata(context: CommandContext): Record<string, unknown> {
  const metadata: Record<string, unknown> = { actor: context.actor, recordedAt: context.now };
  if (context.correlationId) metadata.correlationId = context.correlationId;
  if (context.sourceSystem) metadata.sourceSystem = context.sourceSystem;
  if (context.idempotencyKey) {
    metadata.idempotencyKey = `${context.actor}:${context.idempotencyKey}`;
    if (context.requestHash) metadata.requestHash = context.requestHash;
  }
  return metadata;
}
