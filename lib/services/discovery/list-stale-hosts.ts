import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StaleHostsQuery } from "@/lib/schemas/discovery";
import type { HostOut, Page } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { pageOf, readPage } from "@/lib/services/page";
import { serializeHost } from "@/lib/services/serializers/serialize-host";

export type StaleHosts = Page<HostOut> & { days: number; cutoff: string };

/**
 * Hosts a discovery saw once but not for `days` (default STALE_HOST_DAYS),
 * oldest first: candidates to free, for a person to decide; nothing is freed
 * here. A host never seen (last_seen null) has no evidence either way and a
 * reserved one is meant to be quiet: neither is listed.
 */
export async function listStaleHosts(actor: Actor, query: StaleHostsQuery, tx?: Tx): Promise<StaleHosts> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const days = query.days ?? loadEnv().STALE_HOST_DAYS;
  const cutoff = new Date(Date.now() - days * 86_400_000);
  const where: Prisma.HostWhereInput = { lastSeen: { lt: cutoff }, status: { not: "reserved" } };
  if (query.network_id) {
    // The network's whole range, its child networks' hosts included.
    const network = await loadNetwork(db, query.network_id);
    where.ipKey = { gte: network.startKey, lte: network.endKey };
  }
  const { rows, total, query: shown } = await readPage(
    query,
    () => db.host.count({ where }),
    (window) => db.host.findMany({ where, orderBy: [{ lastSeen: "asc" }, { ipKey: "asc" }], ...window }),
  );
  return { ...pageOf(rows.map(serializeHost), total, shown), days, cutoff: cutoff.toISOString() };
}
