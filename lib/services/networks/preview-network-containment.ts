import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import type { NetworkData } from "@/lib/schemas/network";
import { authorize } from "@/lib/services/authorize";
import { loadNetworksAround } from "@/lib/services/networks/network-rules";
import { buildNetworkTree } from "@/lib/services/networks/network-tree";

/** How many of the contained networks are named. */
const EXAMPLES = 5;

export interface NetworkContainment {
  /** Stored networks the new one would contain (all depths). */
  count: number;
  /** The outermost few of them, by address: the ones that would become its children. */
  examples: string[];
}

/**
 * The stored networks a new network would contain, read from the same tree
 * the write rules build (networkWriteProblems), so the form's "this will
 * contain N existing networks" matches what creating it does: 0.0.0.0/0,
 * fe80::/10 or a /15 over two /16s silently becomes their parent. A read: it
 * writes nothing, and the API creates such a network without asking.
 */
export async function previewNetworkContainment(actor: Actor, data: NetworkData, tx?: Tx): Promise<NetworkContainment> {
  authorize(actor, "viewer");
  const write = { ref: 0, data, stored: null };
  const around = await loadNetworksAround(tx ?? getDb(), [write]);
  const [node] = buildNetworkTree(around, [write]).ofWrite;
  // A stored network with the same prefix is a duplicate (refused on create), not a child.
  const inside = node.descendants().filter((n) => n.id !== null && !(n.startKey === node.startKey && n.endKey === node.endKey));
  const children = inside.filter((n) => n.ancestors()[0] === node);
  return { count: inside.length, examples: children.slice(0, EXAMPLES).map((n) => n.label) };
}
