import "server-only";
import type { Tx } from "@/lib/db/client";
import { hostsWithAliases, innermostNetworkId, type Queryable } from "@/lib/db/raw";
import { AppError, validationError } from "@/lib/errors";
import { containsAddress, formatPrefix, parseAddress, reservedIPv4End, sortKey, type Address } from "@/lib/ipam";
import type { Host } from "@/lib/generated/prisma/client";
import type { HostData } from "@/lib/schemas/host";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

// Rules a host write must pass against the stored data (shape rules live in
// lib/schemas/host.ts). Shared by create, update, bulk and allocate.

export async function loadHost(q: Queryable, id: number): Promise<Host> {
  const row = await q.host.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `Host ${id} not found`);
  return row;
}

const conflict = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError("conflict", message, { [field]: [message], ...extra });

/** The network a host at `address` belongs to, refusing the IPv4 network/broadcast address of it (except /31, /32). */
async function networkFor(tx: Tx, text: string, address: Address, key: string): Promise<number | null> {
  const id = await innermostNetworkId(tx, key);
  if (id === null) return null;
  const prefix = networkPrefix(await tx.network.findUniqueOrThrow({ where: { id } }));
  const role = reservedIPv4End(prefix, address.value);
  if (role) throw validationError({ ip_address: [`${text} is the ${role} address of ${formatPrefix(prefix)}`] });
  return id;
}

/**
 * Checks a parsed host against the database and returns its Prisma columns
 * (network_id derived). `self` is the stored row on an update.
 */
export async function resolveHost(tx: Tx, data: HostData, self: Host | null) {
  const selfId = self?.id ?? null;
  const address = parseAddress(data.ip_address);
  const ipKey = sortKey(address);
  const taken = await tx.host.findUnique({ where: { ipKey } });
  if (taken && taken.id !== selfId) {
    throw conflict("ip_address", `${data.ip_address} is already used by host ${taken.id}${taken.hostname ? ` (${taken.hostname})` : ""}`, { host_id: taken.id });
  }
  const networkId = await networkFor(tx, data.ip_address, address, ipKey);
  if (data.network_id != null) {
    const wanted = await tx.network.findUnique({ where: { id: data.network_id } });
    if (!wanted) throw validationError({ network_id: [`Network ${data.network_id} does not exist`] });
    if (!containsAddress(networkPrefix(wanted), address)) {
      throw validationError({ network_id: [`${data.ip_address} is not inside ${wanted.network}/${wanted.cidr} (network ${wanted.id})`] });
    }
  }
  await assertMacFree(tx, address.family, data.mac_address, selfId);
  await assertAliasesFree(tx, newAliases(data.cname, self?.cname ?? null), selfId);
  return {
    ipAddress: data.ip_address, ipKey, family: address.family, hostname: data.hostname, cname: data.cname,
    macAddress: data.mac_address, description: data.description, status: data.status, networkId,
    lastSeen: data.last_seen, discoverySource: data.discovery_source,
  };
}

/**
 * The aliases in `cname` that `stored` does not already have. An alias is
 * checked when it is written: a new hostname equal to an existing alias is not
 * checked (that would scan every host), so re-checking kept aliases would make
 * such a host uneditable, even for its description, until the other one is renamed.
 */
function newAliases(cname: string | null, stored: string | null): string | null {
  if (!cname || !stored) return cname;
  const kept = new Set(stored.split(","));
  return cname.split(",").filter((a) => !kept.has(a)).join(",") || null;
}

/** One MAC per family: dnsmasq's dhcp-host cannot give one MAC two IPv4 addresses. */
export async function assertMacFree(tx: Tx, family: number, mac: string | null, selfId: number | null): Promise<void> {
  if (!mac) return;
  const other = await tx.host.findFirst({ where: { family, macAddress: mac, id: { not: selfId ?? -1 } } });
  if (other) throw conflict("mac_address", `MAC ${mac} already belongs to host ${other.id} (${other.ipAddress})`, { host_id: other.id });
}

/** dnsmasq replaces a host record by a cname of the same name and refuses a repeated cname. */
export async function assertAliasesFree(tx: Tx, cname: string | null, selfId: number | null): Promise<void> {
  if (!cname) return;
  const aliases = cname.split(",");
  const named = await tx.host.findFirst({ where: { hostname: { in: aliases }, id: { not: selfId ?? -1 } } });
  if (named) throw conflict("cname", `Alias "${named.hostname}" is the hostname of host ${named.id} (${named.ipAddress})`, { host_id: named.id });
  const [other] = await hostsWithAliases(tx, aliases, selfId);
  if (other) {
    const alias = aliases.find((a) => other.cname.split(",").includes(a));
    throw conflict("cname", `Alias "${alias}" already belongs to host ${other.id} (${other.ip_address})`, { host_id: other.id });
  }
}
