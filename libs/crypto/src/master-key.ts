import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { MasterKeyConfigError } from './errors';

export const MASTER_KEY_BYTES = 32;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}={0,1}$/;

/**
 * The key that wraps every data key. Its bytes live only inside a KeyObject (inspecting or
 * logging one shows its size, not its bytes). The id is the first 8 hex characters of SHA-256
 * over the key, so an operator can tell which key a vault expects
 * (`base64 -d <<<"$MASTER_KEY" | sha256sum | cut -c1-8`); 32 bits of a 256-bit key reveal nothing usable.
 */
export class MasterKey {
  private constructor(
    readonly id: string,
    readonly key: KeyObject,
  ) {}

  static fromBytes(bytes: Uint8Array): MasterKey {
    if (bytes.length !== MASTER_KEY_BYTES) {
      throw new MasterKeyConfigError('MASTER_KEY', `must be ${MASTER_KEY_BYTES} bytes, got ${bytes.length}`);
    }
    const id = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
    return new MasterKey(id, createSecretKey(Buffer.from(bytes)));
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }
}

/** Parses 64 hex characters or base64/base64url of 32 bytes; the message never echoes the value. */
export function parseMasterKey(text: string, setting: 'MASTER_KEY' | 'MASTER_KEY_FILE' = 'MASTER_KEY'): MasterKey {
  const value = text.trim();
  if (HEX_KEY.test(value)) return MasterKey.fromBytes(Buffer.from(value, 'hex'));
  if (BASE64_KEY.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    const canonical = bytes.toString('base64').replace(/=+$/, '');
    if (
      bytes.length === MASTER_KEY_BYTES &&
      canonical === value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
    ) {
      return MasterKey.fromBytes(bytes);
    }
  }
  throw new MasterKeyConfigError(
    setting,
    `must be 32 bytes as base64 (44 characters) or hex (64 characters), e.g. the output of: openssl rand -base64 32`,
  );
}
