/**
 * Crypto refusals carry stable codes (`CRYPTO.INTEGRITY`) like the domain's errors. Messages and
 * properties never hold key material, plain text, ciphertext or subject ids: an error object may
 * be logged with all its enumerable properties.
 */
export abstract class CryptoError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** MASTER_KEY / MASTER_KEY_FILE is missing or unusable; `setting` names the variable to fix. */
export class MasterKeyConfigError extends CryptoError {
  readonly code = 'CRYPTO.MASTER_KEY_CONFIG';
  constructor(
    readonly setting: 'MASTER_KEY' | 'MASTER_KEY_FILE',
    problem: string,
  ) {
    super(`${setting}: ${problem}`);
  }
}

/** The configured master key is not the one this vault was sealed with; nothing was decrypted. */
export class MasterKeyMismatchError extends CryptoError {
  readonly code = 'CRYPTO.MASTER_KEY_MISMATCH';
  readonly setting = 'MASTER_KEY';
  constructor(
    readonly givenId: string,
    readonly expectedIds: readonly string[],
    detail?: string,
  ) {
    super(
      `MASTER_KEY (id ${givenId}) does not open this key vault` +
        (expectedIds.length > 0 ? ` (sealed with master key id ${expectedIds.join(', ')})` : '') +
        `${detail ? `: ${detail}` : ''}. Set MASTER_KEY or MASTER_KEY_FILE to the key the vault was created with; nothing was decrypted.`,
    );
  }
}

/** A ciphertext, envelope or wrapped key was altered, truncated or moved: never return garbage. */
export class IntegrityError extends CryptoError {
  readonly code = 'CRYPTO.INTEGRITY';
  constructor(readonly reason: string) {
    super(`Integrity check failed: ${reason}`);
  }
}

/** Art. 17: the subject's data key was destroyed (crypto-shredded); read paths show "erased". */
export class KeyDestroyedError extends CryptoError {
  readonly code = 'CRYPTO.KEY_DESTROYED';
  constructor() {
    super('The data key of this subject was destroyed (erased under Art. 17); the value is gone');
  }
}

/** No key and no tombstone: the vault lost a key it should hold (wrong or incomplete vault). */
export class KeyNotFoundError extends CryptoError {
  readonly code = 'CRYPTO.KEY_NOT_FOUND';
  constructor() {
    super('No data key for this subject and no record of its erasure: is this the right key vault?');
  }
}

/** A new key for an erased subject would silently bring personal data back after Art. 17. */
export class SubjectErasedError extends CryptoError {
  readonly code = 'CRYPTO.SUBJECT_ERASED';
  constructor() {
    super('The subject was erased; no new data key is created for it');
  }
}

/** The value cannot be carried by an envelope (undefined, a function, a BigInt, ...). */
export class UnsupportedValueError extends CryptoError {
  readonly code = 'CRYPTO.VALUE_UNSUPPORTED';
  constructor(kind: string) {
    super(`A value of type ${kind} cannot be encrypted; use a string or a JSON-serialisable value`);
  }
}

/** The input to a blind index is not an e-mail address / phone number after normalisation. */
export class BlindIndexInputError extends CryptoError {
  readonly code = 'CRYPTO.BLIND_INDEX_INPUT';
  constructor(
    readonly kind: string,
    problem: string,
  ) {
    super(`Cannot build a ${kind} blind index: ${problem}`);
  }
}

/** The key vault cannot be opened or written; `setting` names the configuration that fixes it. */
export class KeyVaultError extends CryptoError {
  readonly code = 'CRYPTO.VAULT_UNAVAILABLE';
  constructor(
    message: string,
    readonly setting: string,
  ) {
    super(message);
  }
}
