import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './webhook-target';

/** The error code a delivery reports when its target resolves only to private addresses. */
export const TARGET_FORBIDDEN = 'TARGET_FORBIDDEN';

type Callback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A socket `lookup` that resolves the name, keeps only the addresses the webhook rule allows, and
 * hands exactly those to the connection: the address checked is the address connected to, so a
 * name that resolves to a public address at registration and to 127.0.0.1 later (DNS rebinding)
 * is refused when delivering.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: { all?: boolean; family?: number }, callback: Callback) => {
    dnsLookup(hostname, { family: options.family ?? 0, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      if (allowed.length === 0) {
        return callback(
          Object.assign(new Error(`${hostname} resolves only to private addresses`), { code: TARGET_FORBIDDEN }),
          [],
        );
      }
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  }) as LookupFunction;
}
