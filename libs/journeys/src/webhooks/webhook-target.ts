import { BlockList, isIP } from 'node:net';

/** Where a webhook may not point unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true: this host and its networks (SSRF). */
const PRIVATE_RANGES: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network", 0.0.0.0 reaches the local host
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata services
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'], // benchmarking (RFC 2544)
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved and broadcast
  ['::', 96, 'ipv6'], // unspecified, loopback and IPv4-compatible (::127.0.0.1)
  ['64:ff9b::', 96, 'ipv6'], // NAT64: embeds an IPv4 address the gateway would reach (RFC 6052)
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64 (RFC 8215)
  ['2002::', 16, 'ipv6'], // 6to4: embeds an IPv4 address (RFC 3056)
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['ff00::', 8, 'ipv6'], // multicast
];

const PRIVATE = new BlockList();
for (const [network, prefix, family] of PRIVATE_RANGES) PRIVATE.addSubnet(network, prefix, family);

/** True for an address in a private, loopback, link-local or otherwise non-public range; IPv4-mapped IPv6 (::ffff:127.0.0.1) counts as its IPv4 address. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why a webhook may not point at `url`, or undefined when it may; checked at registration and
 * before every delivery. Literal IP tricks (`0x7f000001`, `2130706433`, `0177.0.0.1`,
 * `[::ffff:127.0.0.1]`) are normalised by the WHATWG URL parser before the check; a name is
 * checked on the address it resolves to when delivering (guardedLookup).
 */
export function webhookUrlRefusal(url: string, allowPrivate: boolean): string | undefined {
  const target = URL.canParse(url) ? new URL(url) : undefined;
  if (!target) return 'must be an absolute http or https URL';
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return `must use http or https, not ${target.protocol.slice(0, -1)}`;
  // Credentials in a URL end up in logs and in every registration listing.
  if (target.username !== '' || target.password !== '')
    return 'must not contain a user name or password; authenticate with the signature';
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isPrivateAddress(host))
    return `must not point at a private, loopback or link-local address (${host}); set WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it`;
  return undefined;
}

/** At registration also a name that can only be loopback (RFC 6761), refused before any delivery fails on it. */
export function webhookRegistrationRefusal(url: string, allowPrivate: boolean): string | undefined {
  const refusal = webhookUrlRefusal(url, allowPrivate);
  if (refusal !== undefined || allowPrivate) return refusal;
  if (/(^|\.)localhost\.?$/i.test(new URL(url).hostname))
    return 'must not point at localhost; set WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it';
  return undefined;
}
