import { clipRanges } from "./states";
import { lastAddress } from "./prefix";
import { maxLength, type Prefix, type Range } from "./types";

/**
 * Lazily yields the /length blocks of `prefix` that overlap none of `taken`
 * (child networks, a DHCP pool…), ascending. The cost is the number of taken
 * ranges plus the blocks actually consumed, so a caller can walk a /8 for
 * /32s and stop after a page: nothing is enumerated up front.
 */
export function* blocksOutside(prefix: Prefix, taken: ReadonlyArray<Range>, length: number): Generator<Prefix> {
  if (!Number.isInteger(length) || length < prefix.length || length > maxLength(prefix.family)) return;
  const size = 1n << BigInt(maxLength(prefix.family) - length);
  const end = lastAddress(prefix);
  let cursor = prefix.network;
  const gaps: Range[] = [];
  for (const r of clipRanges(prefix, taken)) {
    if (r.first > cursor) gaps.push({ first: cursor, last: r.first - 1n });
    cursor = r.last + 1n;
  }
  if (cursor <= end) gaps.push({ first: cursor, last: end });
  for (const gap of gaps) {
    // Blocks are aligned to their size; prefix.network is aligned to every block size inside it.
    for (let start = ((gap.first + size - 1n) / size) * size; start + size - 1n <= gap.last; start += size) {
      yield { family: prefix.family, network: start, length };
    }
  }
}
