import "server-only";
import type { Tx } from "@/lib/db/client";
import { innermostNetworkId, type Queryable } from "@/lib/db/raw";
import { AppError } from "@/lib/errors";
import { formatPrefix, lastAddress, sortKeyOf } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkData } from "@/lib/schemas/network";

// Rules a network write must pass against the stored data (the shape rules
// live in lib/schemas/network-rules.ts). Shared by create, update, bulk and subnets.

export async function loadNetwork(q: Queryable, id: number): Promise<Network> {
  const row = await q.network.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `Network ${id} not found`);
  return row;
}

/** The Prisma columns of a parsed network. */
export function networkColumns(data: NetworkData) {
  return {
    network: data.network,
    cidr: data.cidr,
    family: data.family,
    startKey: sortKeyOf(data.family, data.prefix.network),
    endKey: sortKeyOf(data.family, lastAddress(data.prefix)),
    name: data.name,
    domain: data.domain,
    vlanId: data.vlan_id,
    description: data.description,
    location: data.location,
    gateway: data.gateway,
    dhcpStart: data.dhcp_start,
    dhcpEnd: data.dhcp_end,
  };
}

/** 409 when another network already has this prefix. */
export async function assertPrefixFree(tx: Tx, data: NetworkData, selfId: number | null): Promise<void> {
  const existing = await tx.network.findUnique({ where: { network_cidr: { network: data.network, cidr: data.cidr } } });
  if (existing && existing.id !== selfId) {
    throw new AppError("conflict", `Network ${formatPrefix(data.prefix)} already exists (id ${existing.id})`, {
      network: [`${formatPrefix(data.prefix)} already exists`], network_id: existing.id,
    });
  }
}

/**
 * 409 when a host would become the IPv4 network or broadcast address of this
 * network: a host sitting on 10.0.1.0 in a /16 cannot stay when 10.0.1.0/24
 * is created, unless a smaller network inside the new one keeps it.
 */
export async function assertNoBoundaryHosts(tx: Tx, data: NetworkData, selfId: number | null): Promise<void> {
  if (data.family !== 4 || data.cidr > 30) return;
  const { startKey, endKey } = networkColumns(data);
  const hosts = await tx.host.findMany({ where: { ipKey: { in: [startKey, endKey] } } });
  for (const host of hosts) {
    const innerId = await innermostNetworkId(tx, host.ipKey);
    const inner = innerId !== null && innerId !== selfId ? await tx.network.findUnique({ where: { id: innerId } }) : null;
    if (inner && inner.cidr > data.cidr && inner.startKey >= startKey && inner.endKey <= endKey) continue;
    const role = host.ipKey === startKey ? "network" : "broadcast";
    throw new AppError("conflict", `Host ${host.ipAddress} (id ${host.id}) would be the ${role} address of ${formatPrefix(data.prefix)}`, {
      network: [`Host ${host.ipAddress} would be the ${role} address`], host_id: host.id,
    });
  }
}
