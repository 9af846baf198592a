/**
 * Counts arrive as numbers, or as decimal strings above 2^53−1 (IPv6). Small
 * ones get thousands separators; huge ones are shown as a power of two when
 * exact, otherwise in scientific notation, with the exact value for a tooltip.
 */
export function formatCount(count: number | string | bigint): string {
  const n = BigInt(count);
  if (n < 10n ** 15n) return Number(n).toLocaleString("en-US");
  const bits = n.toString(2);
  if (/^10*$/.test(bits)) return `2^${bits.length - 1}`;
  const digits = n.toString();
  return `${digits[0]}.${digits.slice(1, 3)}e${digits.length - 1}`;
}

export function exactCount(count: number | string | bigint): string {
  return BigInt(count).toLocaleString("en-US");
}
