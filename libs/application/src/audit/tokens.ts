/** The Ed25519 key that signs checkpoints and consent receipts (an AuditSigningKey). */
export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');
