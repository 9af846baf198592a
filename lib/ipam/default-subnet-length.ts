import { IpamError } from "./errors";
import { maxLength, type Family } from "./types";

// The planner's first suggestion: the size people actually split a prefix into.
//   IPv4: shorter than /24 → the next octet boundary (/8 → /16, /16 → /24, /20 → /24),
//         because octet-aligned subnets are what addresses and reverse zones are cut by;
//         /24 and longer → a quarter (/24 → /26, /28 → /30), capped at /32.
//   IPv6: the RFC 6177 / RIPE-690 sizes, /32 (a LIR), /48 (a site), /64 (a LAN, as SLAAC
//         needs): /48 and /56 → /64, /40 → /48, /16 → /32; from /64 on, the next nibble
//         boundary (/64 → /68, /120 → /124), which keeps reverse DNS delegable.
const IPV4_BOUNDARIES = [8, 16, 24];
const IPV6_BOUNDARIES = [32, 48, 64];

/** The suggested length for subnets of a /length network, or null for a host route (nothing to split). */
export function defaultSubnetLength(family: Family, length: number): number | null {
  const max = maxLength(family);
  if (!Number.isInteger(length) || length < 0 || length > max) {
    throw new IpamError("invalid_argument", `prefix length must be an integer 0-${max}`);
  }
  if (length === max) return null;
  const boundary = (family === 4 ? IPV4_BOUNDARIES : IPV6_BOUNDARIES).find((b) => b > length);
  if (boundary !== undefined) return boundary;
  const next = family === 4 ? length + 2 : (Math.floor(length / 4) + 1) * 4;
  return Math.min(next, max);
}
