const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Exact counts in JSON: a number while it is safe, a decimal string beyond 2^53−1 (large IPv6 networks). */
export function countOut(n: bigint): number | string {
  return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n.toString();
}
