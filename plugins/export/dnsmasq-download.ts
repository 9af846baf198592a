import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/services/authorize";
import { networkWhere } from "@/lib/services/networks/network-query";
import type { Download } from "@/plugins/define-plugin";
import { PUBLISHED_STATUS_LIST } from "@/plugins/dnsmasq/host-plan";
import { renderDnsmasq } from "@/plugins/dnsmasq/render";
import type { DnsmasqMode, DnsmasqSource } from "@/plugins/dnsmasq/types";
import { hostExportFilter, hostExportQuery, keepRows, parseParams, type HostExportQuery } from "@/plugins/export/filters";
import { hostColumnBatches } from "@/plugins/export/read-batches";
import { dnsmasqHostsById, openHostSnapshot, type HostSnapshot } from "@/lib/db/raw/dnsmasq-export";

// The database side of the dnsmasq exporters: the host list filters choose
// hosts; network_id, vlan_id, location and family also choose which
// networks' own lines (domain, dhcp-range, router) are written.

// Rows a page of the whole-site read. Small on purpose: a batch lives while it
// is rendered, and at 10,000 rows V8 copied it from scavenge to scavenge and
// promoted it (GC was a third of a 100,000-host export; at 1,000, ~5%).
const SNAPSHOT_BATCH = 1000;

async function chosenNetworks(query: HostExportQuery): Promise<Set<number> | undefined> {
  if (query.network_id === undefined && query.vlan_id == null && query.location == null && query.family == null) return undefined;
  if (query.network_id === null) return new Set();
  // The network list's own filters: location matches as there (a substring).
  const where: Prisma.NetworkWhereInput = await networkWhere(getDb(), { vlan_id: query.vlan_id, location: query.location, family: query.family });
  if (query.network_id !== undefined) where.id = query.network_id;
  const rows = await getDb().network.findMany({ where, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function dnsmasqSource(params: URLSearchParams): Promise<DnsmasqSource> {
  const db = getDb();
  const query = parseParams(hostExportQuery, params);
  // Inactive and unnamed hosts are read and passed over by the renderer: filtering them
  // in SQL would make SQLite use the status index and sort every batch.
  const { where, keep } = await hostExportFilter(db, query);
  const networks = await db.network.findMany({
    select: { id: true, network: true, cidr: true, family: true, domain: true, gateway: true, dhcpStart: true, dhcpEnd: true },
    orderBy: [{ startKey: "asc" }, { cidr: "asc" }],
  });
  const networkIds = await chosenNetworks(query);
  if (Object.keys(where).length) {
    // A filter goes through Prisma's WHERE, in keyset pages; re-reads by id see committed data.
    const select = { id: true, ipKey: true, ipAddress: true, family: true, hostname: true, cname: true, macAddress: true, status: true, networkId: true, allowDuplicateName: true } as const;
    return { networks, networkIds, hosts: () => keepRows(hostColumnBatches(db, where, select, 10_000), keep), hostsById: dnsmasqHostsById, uniqueMacs: true };
  }
  // The whole-site file: one statement iterated in one snapshot (lib/db/raw/dnsmasq-export.ts).
  let snapshot: HostSnapshot | null = null;
  const release = async () => {
    const open = snapshot;
    snapshot = null;
    await open?.close();
  };
  return {
    networks,
    networkIds,
    async *hosts(thenById = false) {
      await release();
      snapshot = await openHostSnapshot(PUBLISHED_STATUS_LIST);
      try {
        yield* keepRows(snapshot.batches(SNAPSHOT_BATCH), keep);
      } finally {
        if (!thenById) await release();
      }
    },
    hostsById: (ids) => (snapshot ? snapshot.byIds(ids) : dnsmasqHostsById(ids)),
    uniqueMacs: true,
    release,
  };
}

export async function dnsmasqDownload(actor: Actor, params: URLSearchParams, mode: DnsmasqMode, filename: string): Promise<Download> {
  authorize(actor, "viewer");
  const source = await dnsmasqSource(params);
  return { filename, contentType: "text/plain; charset=utf-8", body: renderDnsmasq(source, mode) };
}
