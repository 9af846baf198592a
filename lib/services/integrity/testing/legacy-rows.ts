import type { Db } from "@/lib/db/client";
import { lastAddress, parseAddress, parsePrefix, sortKey, sortKeyOf } from "@/lib/ipam";

// Rows as data written before the address-space rules could hold them: the
// write services refuse these now, so tests put them in with Prisma directly
// (derived columns parent_id and network_id filled in by the caller).

export interface LegacyNetwork {
  cidr: string;
  domain?: string | null;
  dhcp?: [string, string];
  status?: string;
  parentId?: number | null;
}

export async function legacyNetwork(db: Db, n: LegacyNetwork): Promise<number> {
  const prefix = parsePrefix(n.cidr);
  const [network, cidr] = n.cidr.split("/");
  const row = await db.network.create({
    data: {
      network, cidr: Number(cidr), family: prefix.family, startKey: sortKeyOf(prefix.family, prefix.network), endKey: sortKeyOf(prefix.family, lastAddress(prefix)),
      domain: n.domain ?? null, dhcpStart: n.dhcp?.[0] ?? null, dhcpEnd: n.dhcp?.[1] ?? null, status: n.status ?? "active", parentId: n.parentId ?? null,
    },
  });
  return row.id;
}

export interface LegacyHost {
  ip: string;
  networkId: number | null;
  hostname?: string | null;
  cname?: string | null;
  mac?: string | null;
  allowDuplicateName?: boolean;
  status?: string;
}

export async function legacyHost(db: Db, h: LegacyHost): Promise<number> {
  const address = parseAddress(h.ip);
  const row = await db.host.create({
    data: {
      ipAddress: h.ip, ipKey: sortKey(address), family: address.family, hostname: h.hostname ?? null, cname: h.cname ?? null,
      macAddress: h.mac ?? null, networkId: h.networkId, allowDuplicateName: h.allowDuplicateName ?? false, status: h.status ?? "active",
    },
  });
  return row.id;
}
