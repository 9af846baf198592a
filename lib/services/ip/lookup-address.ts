import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { innermostNetworkId } from "@/lib/db/raw";
import { validationError } from "@/lib/errors";
import { embeddedIPv4Problem, formatAddress, parseAddress, sortKey, stateOfAddress, type Address, type AddressState } from "@/lib/ipam";
import type { IpState } from "@/lib/schemas/ip";
import type { IpLookupOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { hostStateOf, loadAddressStates } from "@/lib/services/networks/load-address-states";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

// The model's states in the original API's words: a host's address is "allocated", a free one "available".
const ipStateOf: Record<AddressState, IpState> = {
  network_address: "network_address", broadcast_address: "broadcast_address", gateway: "gateway", child_network: "child_network",
  active: "allocated", reserved: "allocated", inactive: "allocated", dhcp_pool: "dhcp_pool", free: "available", blocked: "blocked",
};

function parseLookupAddress(address: string): Address {
  let parsed: Address;
  try {
    parsed = parseAddress(address);
  } catch (error) {
    throw validationError({ address: [(error as Error).message] });
  }
  // ::ffff:10.0.0.77 is 10.0.0.77 written a second way: the IPAM knows it only by its IPv4 form.
  const embedded = embeddedIPv4Problem(parsed);
  if (embedded) throw validationError({ address: [`${address}: ${embedded}`] }, `${address}: ${embedded}`);
  return parsed;
}

/**
 * GET /ip/{address}: what this address is: its innermost network, its host,
 * and its state from lib/ipam stateOfAddress, the same answer as the
 * network's `states` counts and its address map.
 */
export async function lookupAddress(actor: Actor, address: string, tx?: Tx): Promise<IpLookupOut> {
  authorize(actor, "viewer");
  const a = parseLookupAddress(address);
  const db = tx ?? getDb();
  const key = sortKey(a);
  const [host, networkId] = await Promise.all([db.host.findUnique({ where: { ipKey: key } }), innermostNetworkId(db, key)]);
  const network = networkId === null ? null : await db.network.findUnique({ where: { id: networkId } });
  if (!network) {
    return { ip_address: formatAddress(a), family: a.family, network: null, host: host ? serializeHost(host) : null, state: host ? "allocated" : "unmanaged" };
  }
  const [out] = await serializeNetworks([network], tx);
  // Served from the cache the serializer just filled (outside a transaction).
  const [input] = await loadAddressStates([network], tx);
  return {
    ip_address: formatAddress(a),
    family: a.family,
    network: out,
    host: host ? serializeHost(host) : null,
    state: ipStateOf[stateOfAddress(input, a.value, host ? hostStateOf(host.status) : null)],
  };
}
