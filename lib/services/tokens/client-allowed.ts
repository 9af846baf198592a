import { containsAddress, tryParseAddress, tryParsePrefix, type Address } from "@/lib/ipam";

// Pure: whether a token restricted to client networks may be used by a caller
// at `address`. Kept apart from authentication so the rule is tested on its own.

const MAPPED_V4 = 0xffffn << 32n;

/** A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; the token's networks are written in the IPv4 form. */
function unmapped(address: Address): Address {
  if (address.family === 6 && address.value >> 32n === 0xffffn) return { family: 4, value: address.value ^ MAPPED_V4 };
  return address;
}

/**
 * `allowedCidrs` as stored ("" = anywhere; else comma-separated canonical
 * CIDRs). An unknown or unparsable client address never matches a
 * restriction: refusing is the only safe answer when we cannot tell.
 */
export function clientAllowed(allowedCidrs: string, address: string | null): boolean {
  if (allowedCidrs === "") return true;
  const parsed = address === null ? null : tryParseAddress(address);
  if (!parsed) return false;
  const client = unmapped(parsed);
  // A stored entry that does not parse (a hand-edited row, a restored backup) matches nothing rather than failing the request.
  return allowedCidrs.split(",").some((cidr) => {
    const prefix = tryParsePrefix(cidr);
    return prefix !== null && containsAddress(prefix, client);
  });
}
