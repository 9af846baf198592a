import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/services/authorize";
import type { Download } from "@/plugins/define-plugin";
import { renderDnsmasq } from "@/plugins/dnsmasq/render";
import type { DnsmasqMode, DnsmasqSource } from "@/plugins/dnsmasq/types";
import { hostExportFilter, hostExportQuery, keepRows, parseParams, type HostExportQuery } from "@/plugins/export/filters";
import { allDnsmasqHostBatches, hostColumnBatches } from "@/plugins/export/read-batches";

// The database side of the dnsmasq exporters: the host list filters choose
// hosts; network_id, vlan_id, location and family also choose which
// networks' own lines (domain, dhcp-range, router) are written.

async function chosenNetworks(query: HostExportQuery): Promise<Set<number> | undefined> {
  if (query.network_id === undefined && query.vlan_id == null && query.location == null && query.family == null) return undefined;
  if (query.network_id === null) return new Set();
  const where: Prisma.NetworkWhereInput = {};
  if (query.network_id !== undefined) where.id = query.network_id;
  if (query.vlan_id != null) where.vlanId = query.vlan_id;
  if (query.location != null) where.location = query.location;
  if (query.family != null) where.family = query.family;
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
  const select = { id: true, ipKey: true, ipAddress: true, family: true, hostname: true, cname: true, macAddress: true, status: true, networkId: true, allowDuplicateName: true } as const;
  // The whole-site file (no WHERE) reads through the raw reader, twice as fast; a filter goes through Prisma.
  const batches = Object.keys(where).length === 0 ? () => allDnsmasqHostBatches(10_000) : () => hostColumnBatches(db, where, select, 10_000);
  return { networks, networkIds: await chosenNetworks(query), hosts: () => keepRows(batches(), keep) };
}

export async function dnsmasqDownload(actor: Actor, params: URLSearchParams, mode: DnsmasqMode, filename: string): Promise<Download> {
  authorize(actor, "viewer");
  const source = await dnsmasqSource(params);
  return { filename, contentType: "text/plain; charset=utf-8", body: renderDnsmasq(source, mode) };
}
