/** Injection tokens of the ports; adapters are chosen at start from the configuration. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const KEY_VAULT = Symbol('KEY_VAULT');
export const SUBJECT_CRYPTO = Symbol('SUBJECT_CRYPTO');
export const READ_STORE = Symbol('READ_STORE');
/** The same adapter as READ_STORE, seen as OperationalStore: webhooks, dead letters, mail outbox, leases. */
export const OPERATIONAL_STORE = Symbol('OPERATIONAL_STORE');
