import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { innermostNetworkId } from "@/lib/db/raw";
import { validationError } from "@/lib/errors";
import { formatAddress, lastAddress, parseAddress, sortKey, tryParseAddress, type Address } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import type { IpState } from "@/lib/schemas/ip";
import type { IpLookupOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

/** GET /ip/{address}: what this address is: its innermost network, its host, and its state. */
export async function lookupAddress(actor: Actor, address: string, tx?: Tx): Promise<IpLookupOut> {
  authorize(actor, "viewer");
  const parsed = tryParseAddress(address);
  if (!parsed) {
    try { parseAddress(address); } catch (error) { throw validationError({ address: [(error as Error).message] }); }
  }
  const a = parsed!;
  const db = tx ?? getDb();
  const key = sortKey(a);
  const [host, networkId] = await Promise.all([db.host.findUnique({ where: { ipKey: key } }), innermostNetworkId(db, key)]);
  const network = networkId === null ? null : await db.network.findUnique({ where: { id: networkId } });
  return {
    ip_address: formatAddress(a),
    family: a.family,
    network: network ? (await serializeNetworks([network], tx))[0] : null,
    host: host ? serializeHost(host) : null,
    state: host ? "allocated" : stateIn(network, a),
  };
}

function stateIn(network: Network | null, a: Address): IpState {
  if (!network) return "unmanaged";
  const prefix = networkPrefix(network);
  // The gateway first: an IPv6 router may sit on the subnet-router anycast
  // address (the network's first); an IPv4 gateway is never on either end.
  if (network.gateway && parseAddress(network.gateway).value === a.value) return "gateway";
  const reservedEnds = prefix.length < (prefix.family === 4 ? 31 : 127);
  if (reservedEnds && a.value === prefix.network) return "network_address";
  if (reservedEnds && prefix.family === 4 && a.value === lastAddress(prefix)) return "broadcast_address";
  if (network.dhcpStart && network.dhcpEnd) {
    if (parseAddress(network.dhcpStart).value <= a.value && a.value <= parseAddress(network.dhcpEnd).value) return "dhcp_pool";
  }
  return "available";
}
