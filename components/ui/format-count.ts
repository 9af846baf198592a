/**
 * Counts arrive as numbers, or as decimal strings above 2^53−1 (IPv6). Every
 * count is shown exactly, with thousands separators. From 16 digits up (only
 * IPv6 gets there) a compact form goes beside it, because nobody reads 36
 * digits at a glance: the power of two when the count is one (every CIDR
 * block) or just under one (a /64's capacity), otherwise the magnitude.
 */
const BIG = 10n ** 15n;

/** The exact count, grouped: "1,208,925,819,614,629,174,706,176". */
export function exactCount(count: number | string | bigint): string {
  return BigInt(count).toLocaleString("en-US");
}

/** "2^80", "2^64 − 1", "≈ 3.32 × 10^35", or null for a count short enough to read as it is. */
export function compactCount(count: number | string | bigint): string | null {
  const n = BigInt(count);
  if (n < BIG) return null;
  const bits = n.toString(2);
  if (/^10*$/.test(bits)) return `2^${bits.length - 1}`;
  // Just under a power of two: a /64's capacity is 2^64 − 1 (its subnet-router anycast address is not a host).
  const below = (1n << BigInt(bits.length)) - n;
  if (below <= 256n) return `2^${bits.length} − ${below}`;
  // Three significant digits, rounded (9.996e20 is ≈ 1.00 × 10^21).
  const digits = n.toString();
  let lead = Math.round(Number(digits.slice(0, 4)) / 10);
  let exponent = digits.length - 1;
  if (lead === 1000) [lead, exponent] = [100, exponent + 1];
  return `≈ ${String(lead)[0]}.${String(lead).slice(1)} × 10^${exponent}`;
}

/** As plain text: "254", "16,777,214", "2^80 (1,208,925,819,614,629,174,706,176)". */
export function formatCount(count: number | string | bigint): string {
  const compact = compactCount(count);
  return compact ? `${compact} (${exactCount(count)})` : exactCount(count);
}
