import "server-only";
import type { Tx } from "@/lib/db/client";
import { setHostNetworkInRange, setNetworkParent, type KeyRange } from "@/lib/db/raw";
import { fromSortKey, keyJustAbove, keyJustBelow, sortKeyOf } from "@/lib/ipam";
import { resyncHostNamesInRange } from "@/lib/services/hosts/host-names";

const FAMILY_RANGES: KeyRange[] = [
  { lo: sortKeyOf(4, 0n), hi: sortKeyOf(4, 2n ** 32n - 1n) },
  { lo: sortKeyOf(6, 0n), hi: sortKeyOf(6, 2n ** 128n - 1n) },
];

// Neighbouring keys; past either end of a family they sort outside every
// key of it, so the segment they bound is simply empty (clipped to the range).
const nextKey = (key: string) => keyJustAbove(fromSortKey(key).family, fromSortKey(key).value);
const prevKey = (key: string) => keyJustBelow(fromSortKey(key).family, fromSortKey(key).value);
const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/**
 * Re-derives networks.parent_id and hosts.network_id inside `range` (a
 * network's key range), or everywhere when omitted. Prefixes nest or are
 * disjoint, so one sweep over the networks overlapping the range (outer
 * before inner) yields each network's parent (the innermost open one) and a
 * list of key segments, each owned by its innermost network; hosts are then
 * moved with one index-range UPDATE per segment, touching only rows that change.
 * A host that changes network may change domain, so the DNS names of every
 * segment where hosts moved are recomputed (409 when a name collides; the
 * caller's transaction then writes nothing).
 */
export async function recomputeNetworkTree(tx: Tx, range?: KeyRange): Promise<void> {
  for (const r of range ? [range] : FAMILY_RANGES) {
    const networks = await tx.network.findMany({
      where: { startKey: { lte: r.hi }, endKey: { gte: r.lo } },
      select: { id: true, startKey: true, endKey: true, parentId: true },
      orderBy: [{ startKey: "asc" }, { endKey: "desc" }],
    });
    const segments: Array<{ lo: string; hi: string; id: number | null }> = [];
    const emit = (lo: string, hi: string, id: number | null) => {
      const a = max(lo, r.lo);
      const b = min(hi, r.hi);
      if (a <= b) segments.push({ lo: a, hi: b, id });
    };
    const open: typeof networks = [];
    let cursor = r.lo;
    const close = () => {
      const top = open.pop()!;
      emit(cursor, top.endKey, top.id);
      cursor = max(cursor, nextKey(top.endKey));
    };
    for (const network of networks) {
      while (open.length && open[open.length - 1].endKey < network.startKey) close();
      const parent = open[open.length - 1] ?? null;
      if ((parent?.id ?? null) !== network.parentId) await setNetworkParent(tx, network.id, parent?.id ?? null);
      emit(cursor, prevKey(network.startKey), parent?.id ?? null);
      cursor = max(cursor, network.startKey);
      open.push(network);
    }
    while (open.length) close();
    emit(cursor, r.hi, null);
    // Runs of neighbouring segments where hosts moved are renamed as one range.
    let run = null as KeyRange | null;
    for (const s of segments) {
      if ((await setHostNetworkInRange(tx, s.lo, s.hi, s.id)) > 0) {
        run = { lo: run?.lo ?? s.lo, hi: s.hi };
      } else if (run) {
        await resyncHostNamesInRange(tx, run);
        run = null;
      }
    }
    if (run) await resyncHostNamesInRange(tx, run);
  }
}
