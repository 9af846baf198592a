import "server-only";
import type { Queryable } from "@/lib/db/raw";
import { AppError, validationError } from "@/lib/errors";
import { maxLength, type Prefix } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

/**
 * Unless `cidr` is longer than the parent's and within the family's maximum:
 * 422 for a body field, 400 when it came in the query string.
 */
export function assertChildLength(parent: Prefix, cidr: number, from: "body" | "query" = "body"): void {
  const max = maxLength(parent.family);
  if (cidr <= parent.length || cidr > max) {
    const message = `CIDR must be from ${parent.length + 1} to ${max} for a subnet of a /${parent.length}`;
    throw from === "body" ? validationError({ cidr: [message] }) : new AppError("bad_request", `Invalid query parameter cidr: ${message}`, { cidr: [message] });
  }
}

/** Every network inside `network` (nested ones too: their space is covered either way). */
export async function childPrefixes(q: Queryable, network: Network): Promise<Prefix[]> {
  const rows = await q.network.findMany({
    where: { startKey: { gte: network.startKey }, endKey: { lte: network.endKey }, id: { not: network.id } },
    select: { startKey: true, cidr: true },
  });
  return rows.map(networkPrefix);
}
