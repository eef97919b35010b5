import { isIP } from 'node:net';
import { ConfigError } from './app-config-error';

/** Fastify's `trustProxy`: false, true (any proxy), a number of hops, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || isIP(address ?? '') === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address!) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * TRUST_PROXY: whom to believe about the client's address (X-Forwarded-For), which the public
 * rate limit and the request log use. Unset: nobody, the socket's peer is the client (behind a
 * proxy, every client then shares the proxy's limit). `true`, a number of hops, or a
 * comma-separated list of proxy addresses and CIDR ranges, e.g. `10.0.0.0/8,127.0.0.1`.
 */
export function trustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isAddressOrRange(entry));
  if (bad !== undefined) {
    throw new ConfigError(
      'TRUST_PROXY',
      `must be true, false, a number of proxy hops from 1 to 10, or a comma-separated list of IP addresses and CIDR ranges; "${bad}" is none of these`,
    );
  }
  return entries;
}
