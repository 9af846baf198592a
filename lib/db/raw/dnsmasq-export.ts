import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { readRows } from "./read-connection";

// The dnsmasq export's host reads when no filter narrows them (the usual
// whole-site file): keyset pages on hosts(ip_key) through the read
// connection, rows named as the renderer reads them. Prisma's row mapping
// cost more than the rendering itself at 100,000 hosts.

export interface DnsmasqHostRow {
  id: number;
  ipKey: string;
  ipAddress: string;
  family: number;
  hostname: string | null;
  cname: string | null;
  macAddress: string | null;
  status: string;
  networkId: number | null;
  /** Round-robin DNS: may share its hostname's FQDN with other hosts that allow it too. */
  allowDuplicateName: boolean;
}

/** Up to `limit` hosts with ip_key after `afterKey`, in address order (committed data). */
export async function dnsmasqHostsAfter(afterKey: string, limit: number): Promise<DnsmasqHostRow[]> {
  const rows = await readRows<Omit<DnsmasqHostRow, "allowDuplicateName"> & { allowDuplicateName: unknown }>(Prisma.sql`
    SELECT id, ip_key AS "ipKey", ip_address AS "ipAddress", family, hostname, cname, mac_address AS "macAddress", status,
      network_id AS "networkId", allow_duplicate_name AS "allowDuplicateName"
    FROM hosts WHERE ip_key > ${afterKey} ORDER BY ip_key LIMIT ${limit}`);
  // SQLite stores the flag as 0/1, PostgreSQL as a boolean.
  for (const r of rows) r.allowDuplicateName = Number(r.allowDuplicateName) === 1;
  return rows as DnsmasqHostRow[];
}
