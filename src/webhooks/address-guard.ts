import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** The address a webhook's host was checked at: attempts connect to it and nowhere else. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** `refused`: the address is one webhooks may not reach; otherwise the host did not resolve. */
export type TargetCheck = { ok: true; target: CheckedTarget } | { ok: false; reason: string; refused: boolean };

/**
 * Addresses a webhook may not reach unless MODELSTAGE_WEBHOOK_ALLOW_PRIVATE=true: the server's
 * own machine and networks behind it (loopback, private, shared, link-local, unspecified,
 * multicast and reserved). IPv6 forms that embed an IPv4 address are checked by that address.
 */
const refusedV4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  refusedV4.addSubnet(network, prefix, 'ipv4');
}
const refusedV6 = new BlockList();
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  refusedV6.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address (v4 or v6, any textual form Node accepts) is one webhooks may not reach. */
export function isRefusedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return refusedV4.check(address, 'ipv4');
  if (family !== 6) return true;
  const groups = ipv6Groups(address);
  const embedded = embeddedIpv4(groups);
  if (embedded !== undefined && refusedV4.check(embedded, 'ipv4')) return true;
  return refusedV6.check(address, 'ipv6');
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted quad expanded). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0]!;
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -quad[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => parseInt(group || '0', 16));
}

/** The IPv4 address inside IPv4-mapped, IPv4-compatible, NAT64 and 6to4 addresses. */
function embeddedIpv4(groups: number[]): string | undefined {
  const quad = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  if (zeros(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) return quad(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return quad(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return quad(groups[1]!, groups[2]!);
  return undefined;
}

/** Checks a webhook URL's form: http or https, at most 2,048 characters. */
export function parseWebhookUrl(text: string): URL | string {
  if (text.length > 2048) return 'url must have at most 2,048 characters';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'url is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must use http or https';
  if (!url.hostname) return 'url has no host';
  return url;
}

/**
 * Resolves the URL's host once and checks every address it resolves to. The WHATWG URL parser
 * has already brought every IPv4 spelling (2130706433, 0x7f000001, 127.1, 0177.0.0.1) to its
 * dotted form and IPv6 literals to their compressed form, so one check covers them all.
 */
export async function checkTarget(url: URL, allowPrivate: boolean): Promise<TargetCheck> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // RFC 6761: localhost and its subdomains are loopback, whatever a resolver says of them.
  if (!allowPrivate && /(^|\.)localhost\.?$/i.test(host)) return { ok: false, refused: true, reason: `the host ${host} is a loopback name` };
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      return { ok: false, refused: false, reason: `the host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  }
  if (!allowPrivate) {
    const refused = addresses.find(({ address }) => isRefusedAddress(address));
    if (refused) return { ok: false, refused: true, reason: `the host ${host} is or resolves to a loopback, private or link-local address (${refused.address})` };
  }
  const [first] = addresses;
  if (!first) return { ok: false, refused: false, reason: `the host ${host} resolves to no address` };
  return { ok: true, target: { url, address: first.address, family: first.family === 6 ? 6 : 4 } };
}
