// Internal sorting helpers (numeric fast paths; no BigInt comparator sort for the common cases).

const RADIX_COUNT = new Uint32Array(65536);

/**
 * Ascending sort of a Uint32Array; LSD radix (2 × 16-bit passes) for large inputs, using
 * `tmp` (same length) as scratch if given. Returns the sorted array (`a` itself).
 */
export function sortU32(a: Uint32Array, tmp?: Uint32Array): Uint32Array {
  const n = a.length;
  if (n < 2048) return a.sort();
  const t = tmp !== undefined && tmp.length >= n ? tmp : new Uint32Array(n);
  const count = RADIX_COUNT;
  // pass 1: low 16 bits, a → t
  count.fill(0);
  for (let i = 0; i < n; i++) count[a[i] & 0xffff]++;
  let sum = 0;
  for (let d = 0; d < 65536; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const v = a[i];
    t[count[v & 0xffff]++] = v;
  }
  // pass 2: high 16 bits, t → a
  count.fill(0);
  for (let i = 0; i < n; i++) count[t[i] >>> 16]++;
  sum = 0;
  for (let d = 0; d < 65536; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const v = t[i];
    a[count[v >>> 16]++] = v;
  }
  return a;
}

export function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Two copies on purpose: each keeps its comparison monomorphic (bigint or
// number) on the free-space sweep's hot path instead of mixing both at one site.

/** First index i in [from, to) with arr[i] >= x (arr ascending). */
export function lowerBoundBig(arr: readonly bigint[], x: bigint, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i in [from, to) with arr[i] >= x (arr ascending). */
export function lowerBoundNum(arr: ArrayLike<number>, x: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the low 32-bit word of a 64-bit lane in a Uint32Array view. */
export const LO_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
export const HI_WORD = 1 - LO_WORD;

/**
 * Permutation that sorts `keys` ascending. Sorts by a double approximation of
 * key − base (monotone, so only equal approximations can be out of order) and then
 * orders each run of equal approximations exactly. `base` should be ≤ every key and
 * close to them for good approximations.
 */
export function sortIndexByBig(keys: readonly bigint[], base: bigint): Uint32Array {
  const n = keys.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2) return idx;
  const approx = new Float64Array(n);
  for (let i = 0; i < n; i++) approx[i] = Number(keys[i] - base);
  idx.sort((a, b) => approx[a] - approx[b]);
  let i = 0;
  while (i < n) {
    const a = approx[idx[i]];
    let j = i + 1;
    while (j < n && approx[idx[j]] === a) j++;
    if (j - i > 1) {
      const run = Array.from(idx.subarray(i, j)).sort((x, y) => compareBig(keys[x], keys[y]));
      idx.set(run, i);
    }
    i = j;
  }
  return idx;
}

/** Distinct values ascending (exact), using sortIndexByBig. */
export function sortUniqueBig(vals: readonly bigint[], base: bigint): bigint[] {
  const idx = sortIndexByBig(vals, base);
  const out: bigint[] = [];
  for (let i = 0; i < idx.length; i++) {
    const v = vals[idx[i]];
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  }
  return out;
}
