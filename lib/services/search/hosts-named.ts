import "server-only";
import { getDb } from "@/lib/db/client";
import type { HostOut } from "@/lib/schemas/responses";
import { hostWhere } from "@/lib/services/hosts/host-query";
import { serializeHost } from "@/lib/services/serializers/serialize-host";

/**
 * Hosts answering to the DNS name `name` (normalized): by their hostname,
 * one of their aliases, or a full name in host_names (hostname or alias
 * plus the network's domain, db02 → db02.srv.example.net), in address
 * order, the first `limit`. The caller authorizes.
 */
export async function hostsNamed(name: string, limit: number): Promise<HostOut[]> {
  const db = getDb();
  // host_names' unique (fqdn, slot) index answers the full name.
  const named = await db.hostName.findMany({ where: { fqdn: name }, select: { hostId: true }, take: limit });
  const rows = await db.host.findMany({
    where: { OR: [{ hostname: name }, { id: { in: named.map((n) => n.hostId) } }, await hostWhere(db, { cname: name })] },
    orderBy: { ipKey: "asc" },
    take: limit,
  });
  return rows.map(serializeHost);
}
