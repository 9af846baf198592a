import "server-only";
import type { Tx } from "@/lib/db/client";
import { lockNetworks, networkRootLock, takesNetworkLocks, type NetworkLockKey } from "@/lib/db/raw/locks";
import { lastAddress, parseAddress, sortKey, sortKeyOf } from "@/lib/ipam";
import { innermostNetworkId, type KeyRange } from "@/lib/db/raw";
import type { NetworkData } from "@/lib/schemas/network";
import { innermostNetworks } from "@/lib/services/hosts/host-networks";

// Which network locks (lib/db/raw/locks.ts) a write takes, so that every
// write that reads a network's free space, pool, ends or children and then
// inserts runs one at a time per network:
//   allocation in N                 → N
//   a host written at an address    → the innermost network holding it
//   a network created/moved/deleted → itself and the network enclosing its
//                                     old and new prefix (a family's root
//                                     key when none does)
// A child created inside N and an allocation in N thus wait for each
// other; allocations in two networks do not. The keys are found before the
// lock is held, so they are found again under it: a network committed while
// we waited can change the answer, and then its lock is taken too.
// On SQLite (one writer at a time anyway) none of this runs.

/** Keys from sort keys: "4…" is IPv4, "6…" IPv6 (lib/ipam sortKeyOf). */
const familyOfKey = (key: string) => (key.startsWith("6") ? 6 : 4);

const MAX_ROUNDS = 5;
const FEW_KEYS = 32;

async function lockUntilStable(tx: Tx, keysNow: () => Promise<NetworkLockKey[]>): Promise<void> {
  if (!takesNetworkLocks()) return;
  const held = new Set<NetworkLockKey>();
  // Each round only adds keys; the tree changes under us only when another
  // network write commits, so this settles in one or two rounds. Past the
  // bound the unique indexes still refuse a duplicate.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const wanted = (await keysNow()).filter((key) => !held.has(key));
    if (wanted.length === 0) return;
    await lockNetworks(tx, wanted);
    for (const key of wanted) held.add(key);
  }
}

/** The innermost network holding all of `range` other than `except`, or the family's root key. */
async function enclosingLock(tx: Tx, range: KeyRange, except?: number): Promise<NetworkLockKey> {
  const row = await tx.network.findFirst({
    where: { startKey: { lte: range.lo }, endKey: { gte: range.hi }, ...(except === undefined ? {} : { id: { not: except } }) },
    orderBy: [{ startKey: "desc" }, { endKey: "asc" }],
    select: { id: true },
  });
  return row?.id ?? networkRootLock(familyOfKey(range.lo));
}

/** Before creating hosts at `addresses` (parsed input): locks the network each lands in. */
export async function lockForHosts(tx: Tx, addresses: readonly string[]): Promise<void> {
  if (!takesNetworkLocks()) return;
  const keys = [...new Set(addresses.map((a) => sortKey(parseAddress(a))))];
  await lockUntilStable(tx, async () => {
    // A few addresses: one indexed lookup each; a large batch: every network read once (innermostNetworks).
    if (keys.length <= FEW_KEYS) {
      const found: NetworkLockKey[] = [];
      for (const key of keys) found.push((await innermostNetworkId(tx, key)) ?? networkRootLock(familyOfKey(key)));
      return found;
    }
    const lookup = await innermostNetworks(tx, keys);
    return keys.map((key) => lookup.get(key)?.id ?? networkRootLock(familyOfKey(key)));
  });
}

/**
 * Before a network write: locks the network `id` (update, delete: its hosts
 * and children), and the network enclosing its stored prefix and each
 * prefix in `writing` (parsed input being written), so that the overlap and
 * containment checks and the re-derived tree see every other write around them.
 */
export async function lockForNetworkWrite(tx: Tx, write: { id?: number; writing?: readonly NetworkData[] }): Promise<void> {
  if (!takesNetworkLocks()) return;
  const { id } = write;
  const ranges = (write.writing ?? []).map((d) => ({ lo: sortKeyOf(d.family, d.prefix.network), hi: sortKeyOf(d.family, lastAddress(d.prefix)) }));
  await lockUntilStable(tx, async () => {
    const keys: NetworkLockKey[] = [];
    if (id !== undefined) {
      keys.push(id);
      const stored = await tx.network.findUnique({ where: { id }, select: { startKey: true, endKey: true } });
      if (stored) keys.push(await enclosingLock(tx, { lo: stored.startKey, hi: stored.endKey }, id));
    }
    for (const range of ranges) keys.push(await enclosingLock(tx, range, id));
    return keys;
  });
}
