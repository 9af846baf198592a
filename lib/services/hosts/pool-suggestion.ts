import "server-only";
import type { Tx } from "@/lib/db/client";
import { keyReader } from "@/lib/db/raw";
import type { Network } from "@/lib/generated/prisma/client";
import { formatValue, type Family } from "@/lib/ipam";
import { findFree, freeSpaceOf } from "@/lib/services/ip/free-space";

// A host without a MAC may not sit in a DHCP pool (dnsmasq may lease the
// address to someone else); the 422 suggests where it can go instead.

const LOOK_BELOW = 256n;

/** The free address outside the pool nearest to `value`: the first after the pool, or one just below it when closer. */
export async function nearestFreeOutsidePool(tx: Tx, network: Network, family: Family, value: bigint, pool: { first: bigint; last: bigint }): Promise<string | null> {
  const space = await freeSpaceOf(tx, network);
  const reader = keyReader(tx);
  const [above] = await findFree(reader, space, 1, pool.last);
  const from = pool.first - LOOK_BELOW;
  const window = from > space.first ? await findFree(reader, space, Number(LOOK_BELOW), from - 1n) : await findFree(reader, space, Number(LOOK_BELOW));
  const below = window.filter((v) => v < pool.first).pop();
  const candidates = [above, below].filter((v): v is bigint => v !== undefined);
  if (candidates.length === 0) return null;
  const distance = (v: bigint) => (v > value ? v - value : value - v);
  const best = candidates.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return formatValue(family, best);
}
