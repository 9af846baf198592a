import { IpamError } from "./errors";
import { checkValue, tablesFor, type Address, type Family, type Prefix } from "./types";

function dotted(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

const MAPPED_HEAD = "00000000000000000000ffff";

/** RFC 5952 text of a 128-bit value (IPv4-mapped ::ffff:0:0/96 in mixed notation). */
function formatV6(value: bigint): string {
  const hex = value.toString(16).padStart(32, "0");
  if (hex.startsWith(MAPPED_HEAD)) {
    return "::ffff:" + dotted(Number.parseInt(hex.slice(24), 16));
  }
  const groups: string[] = new Array(8);
  let bestStart = -1;
  let bestLen = 0;
  let runStart = -1;
  for (let i = 0; i < 8; i++) {
    const g = Number.parseInt(hex.slice(i * 4, i * 4 + 4), 16);
    groups[i] = g.toString(16);
    if (g === 0) {
      if (runStart < 0) runStart = i;
      const len = i - runStart + 1;
      if (len > bestLen) {
        bestLen = len;
        bestStart = runStart;
      }
    } else {
      runStart = -1;
    }
  }
  // RFC 5952 4.2.2: a single 16-bit 0 field is not shortened.
  if (bestLen < 2) return groups.join(":");
  const head = groups.slice(0, bestStart).join(":");
  const tail = groups.slice(bestStart + bestLen).join(":");
  return `${head}::${tail}`;
}

/** Canonical text of a value: dotted quad, or RFC 5952 IPv6. */
export function formatValue(family: Family, value: bigint): string {
  checkValue(family, value);
  return family === 4 ? dotted(Number(value)) : formatV6(value);
}

export function formatAddress(a: Address): string {
  if (!a) throw new IpamError("invalid_argument", "address is required");
  return formatValue(a.family, a.value);
}

/** "10.0.0.0/24", "2001:db8::/32". Validates the prefix (no host bits). */
export function formatPrefix(p: Prefix): string {
  checkPrefix(p);
  return `${formatValue(p.family, p.network)}/${p.length}`;
}

/** Full validation of a Prefix object (family, length, network in range, no host bits). */
export function checkPrefix(p: Prefix): ReturnType<typeof tablesFor> {
  const t = tablesFor(p);
  const n = p.network;
  if (typeof n !== "bigint" || n < 0n || n > t.all) {
    throw new IpamError("invalid_prefix", "prefix network is not a valid address value");
  }
  if ((n & t.host[p.length]) !== 0n) {
    const given = `${formatValue(p.family, n)}/${p.length}`;
    const suggestion = `${formatValue(p.family, n & t.net[p.length])}/${p.length}`;
    throw new IpamError("host_bits_set", `${given} has host bits set; did you mean ${suggestion}?`, suggestion);
  }
  return t;
}
