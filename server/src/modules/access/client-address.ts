import { isIPv4, isIPv6 } from 'node:net';

/** Expands an IPv6 address (no zone) to its eight 16-bit groups; undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address;
  const tail: number[] = [];
  // An embedded IPv4 tail (::ffff:192.0.2.1, 64:ff9b::192.0.2.1) is two groups.
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (isIPv4(last)) {
    const [a, b, c, d] = last.split('.').map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    text = `${text.slice(0, lastColon + 1)}0`; // placeholder group, replaced below
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if (tail.length) {
    // Drop the placeholder from whichever half holds it.
    if (halves.length === 2 && rest.length) rest.pop();
    else head.pop();
  }
  const width = 8 - tail.length;
  const missing = width - head.length - rest.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...rest, ...tail];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}

/**
 * The unit of "one address" for sign-in limits. An IPv4 address is itself (also when written IPv4-mapped,
 * `::ffff:192.0.2.1`, as Node reports it on a dual-stack socket). An IPv6 address stands for its /64 network:
 * one household or one device usually holds a whole /64 and can pick any address in it, so counting single
 * IPv6 addresses would give a guesser 2^64 fresh starts.
 */
export function clientAddressGroup(address: string | undefined): string {
  if (!address) return 'unknown';
  const plain = address.split('%')[0]!.toLowerCase();
  if (isIPv4(plain)) return plain;
  if (!isIPv6(plain)) return plain;
  const groups = ipv6Groups(plain);
  if (!groups) return plain;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
