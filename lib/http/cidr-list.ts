import { containsAddress, tryParseAddress, tryParsePrefix, type Prefix } from "../ipam";

// Relative imports: lib/env.ts loads this, and next.config.ts / prisma.config.ts
// load lib/env.ts through loaders that know nothing of the "@/" alias.

/**
 * "10.0.0.0/8, 192.0.2.7, fd00::/8" → prefixes (a bare address is a /32 or
 * /128); "" → none. A bad entry → the message naming it, for lib/env.ts.
 */
export function parseCidrList(text: string): Prefix[] | string {
  const prefixes: Prefix[] = [];
  for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const prefix = tryParsePrefix(entry);
    if (!prefix) return `"${entry}" is not a CIDR or an IP address (host bits must be zero: 10.0.0.0/8, not 10.0.0.1/8)`;
    prefixes.push(prefix);
  }
  return prefixes;
}

/** True when the address (canonical text, see canonicalAddress) lies in one of the prefixes. */
export function inCidrList(address: string | null, prefixes: readonly Prefix[]): boolean {
  if (address === null || prefixes.length === 0) return false;
  const parsed = tryParseAddress(address);
  return parsed !== null && prefixes.some((prefix) => containsAddress(prefix, parsed));
}
