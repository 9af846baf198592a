import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { networkDepths } from "@/lib/db/raw";
import { authorize } from "@/lib/services/authorize";

/**
 * How many networks enclose each of `ids` (0 = top level), for the indented
 * tree of the networks list. One recursive query walks up parent_id for the
 * whole page at once, so a child whose parent sits on an earlier page is still
 * indented correctly and no query runs per row.
 */
export async function getNetworkDepths(actor: Actor, ids: number[]): Promise<Record<number, number>> {
  authorize(actor, "viewer");
  return Object.fromEntries(await networkDepths(getDb(), ids));
}
