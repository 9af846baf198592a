import "server-only";
import type { Tx } from "@/lib/db/client";
import { innermostNetworkId } from "@/lib/db/raw";
import type { Network } from "@/lib/generated/prisma/client";
import { NetworkIndex } from "@/lib/ipam/network-index";

// A host's network is always derived: the innermost network containing its
// address. A few addresses are looked up one indexed query each; a large
// batch (an import) loads every network once and answers from memory.

const FEW = 32;

/** The innermost network of each key (null outside every network), as full rows. */
/** Answers "which network holds this key" for the keys it was built for (any key, for a large batch). */
export interface NetworkLookup {
  get(key: string): Network | null;
}

/** The innermost network of each key (null outside every network), as full rows. */
export async function innermostNetworks(tx: Tx, keys: readonly string[]): Promise<NetworkLookup> {
  if (keys.length > FEW) {
    const index = new NetworkIndex(await tx.network.findMany());
    return { get: (key) => index.innermost(key) };
  }
  const ids = new Map<string, number | null>();
  for (const key of keys) if (!ids.has(key)) ids.set(key, await innermostNetworkId(tx, key));
  const wanted = [...new Set([...ids.values()].filter((id): id is number => id !== null))];
  const rows = new Map((await tx.network.findMany({ where: { id: { in: wanted } } })).map((n) => [n.id, n]));
  return { get: (key) => rows.get(ids.get(key) ?? -1) ?? null };
}
