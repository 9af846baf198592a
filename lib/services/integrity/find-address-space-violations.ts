import "server-only";
import type { Tx } from "@/lib/db/client";
import {
  hostsAtKeys, hostsInNetworks, hostsWithoutMacIn, integrityNetworks, namedHostsAfter, type IntegrityHostRow, type IntegrityNetworkRow,
} from "@/lib/db/raw/address-space-violations";
import { formatPrefix, lastAddress, reservedIPv4End, sortKeyOf, tryParseAddress, tryParsePrefix, type Prefix, type Range } from "@/lib/ipam";
import { nameClaimsOf } from "@/lib/services/hosts/host-names";
import { poolChildOverlaps } from "@/lib/services/integrity/address-space-rules";
import { NameClaims } from "@/lib/services/integrity/name-claims";

// The rows that break the address-space model (docs/address-space.md) in data
// written before its rules existed. The write services refuse all of these
// now; the dnsmasq exporter leaves them out by the same rules
// (address-space-rules.ts, name-claims.ts). `npm start` prints them.

export type AddressSpaceViolationKind =
  | "pool_overlaps_child" | "pool_host_without_mac" | "duplicate_name" | "host_on_reserved_address" | "host_in_container";

export interface AddressSpaceViolation {
  kind: AddressSpaceViolationKind;
  networkId: number | null;
  hostId: number | null;
  /** The other row involved: the child network, or the host that keeps a shared name. */
  otherId: number | null;
  /** One line naming the rows; stored names are quoted as JSON strings, so no value can break the line. */
  message: string;
}

interface LoadedNetwork { row: IntegrityNetworkRow; prefix: Prefix; pool: Range | null }

function load(row: IntegrityNetworkRow): LoadedNetwork | null {
  const prefix = tryParsePrefix(`${row.network}/${row.cidr}`);
  if (!prefix || prefix.family !== row.family) return null;
  const start = row.dhcp_start ? tryParseAddress(row.dhcp_start) : null;
  const end = row.dhcp_end ? tryParseAddress(row.dhcp_end) : null;
  const pool = start && end && start.family === prefix.family && end.family === prefix.family && start.value <= end.value ? { first: start.value, last: end.value } : null;
  return { row, prefix, pool };
}

const networkLabel = (n: LoadedNetwork) => `network ${n.row.id} (${formatPrefix(n.prefix)})`;
/** The address as stored may be anything in legacy data: quoted. */
const hostLabel = (h: IntegrityHostRow) => `host ${h.id} (${JSON.stringify(h.ip_address)})`;
const poolText = (n: LoadedNetwork) => `${JSON.stringify(n.row.dhcp_start)}–${JSON.stringify(n.row.dhcp_end)}`;

const NAME_PAGE = 20_000;

/** Two hosts claiming one FQDN without all being round-robin hostnames: every claim but the lowest id's. */
async function nameViolations(domains: ReadonlyMap<number, string | null>, tx: Tx | undefined): Promise<AddressSpaceViolation[]> {
  const claims = new NameClaims();
  for (let after = 0; ;) {
    const page = await namedHostsAfter(after, NAME_PAGE, tx);
    for (const h of page) {
      const id = Number(h.id);
      const domain = h.network_id === null ? null : (domains.get(Number(h.network_id)) ?? null);
      const names = nameClaimsOf({ hostname: h.hostname, cname: h.cname, allowDuplicateName: Boolean(Number(h.allow_duplicate_name)), domain });
      for (const c of names) claims.claim(c.fqdn, id, !c.exclusive);
    }
    if (page.length < NAME_PAGE) break;
    after = Number(page[page.length - 1].id);
  }
  const out: AddressSpaceViolation[] = [];
  for (const shared of claims.sharedNames()) {
    if (shared.roundRobin) continue;
    for (const id of shared.hostIds) {
      if (id === shared.owner) continue;
      out.push({
        kind: "duplicate_name", networkId: null, hostId: id, otherId: shared.owner,
        message: `host ${id}: name ${JSON.stringify(shared.fqdn)} is also claimed by host ${shared.owner}, which keeps it (only round-robin hostnames may share a name)`,
      });
    }
  }
  return out;
}

/**
 * Every row that breaks the model: a DHCP pool overlapping a child network,
 * a host without a MAC inside its network's pool, a name (FQDN) claimed by
 * two hosts that are not all round-robin, a host on its IPv4 network's
 * network or broadcast address, a host directly in a container network.
 * Batched: the networks are read once, host probes go through indexes, and
 * names stream in pages by id (1M hosts in a few seconds).
 */
export async function findAddressSpaceViolations(tx?: Tx): Promise<AddressSpaceViolation[]> {
  const rows = await integrityNetworks(tx);
  const networks = rows.map(load).filter((n): n is LoadedNetwork => n !== null);
  const byId = new Map(networks.map((n) => [n.row.id, n]));
  const out: AddressSpaceViolation[] = [];

  const pooled = networks.map((n) => ({ id: n.row.id, family: n.prefix.family, first: n.prefix.network, last: lastAddress(n.prefix), pool: n.pool }));
  for (const o of poolChildOverlaps(pooled)) {
    const n = byId.get(o.networkId)!;
    out.push({
      kind: "pool_overlaps_child", networkId: o.networkId, hostId: null, otherId: o.childId,
      message: `${networkLabel(n)}: DHCP pool ${poolText(n)} overlaps child ${networkLabel(byId.get(o.childId)!)}`,
    });
  }

  const withPool = networks.filter((n) => n.pool);
  const poolProbes = withPool.map((n) => ({ networkId: n.row.id, lo: sortKeyOf(n.prefix.family, n.pool!.first), hi: sortKeyOf(n.prefix.family, n.pool!.last) }));
  for (const h of await hostsWithoutMacIn(poolProbes, tx)) {
    const n = byId.get(h.network_id)!;
    out.push({
      kind: "pool_host_without_mac", networkId: n.row.id, hostId: h.id, otherId: null,
      message: `${hostLabel(h)}: inside the DHCP pool ${poolText(n)} of ${networkLabel(n)} without a MAC address`,
    });
  }

  const endProbes: Array<{ networkId: number; key: string }> = [];
  for (const n of networks) {
    for (const value of [n.prefix.network, lastAddress(n.prefix)]) {
      if (reservedIPv4End(n.prefix, value)) endProbes.push({ networkId: n.row.id, key: sortKeyOf(n.prefix.family, value) });
    }
  }
  for (const h of await hostsAtKeys(endProbes, tx)) {
    const n = byId.get(h.network_id)!;
    const address = tryParseAddress(h.ip_address);
    const end = address ? reservedIPv4End(n.prefix, address.value) : null;
    out.push({
      kind: "host_on_reserved_address", networkId: n.row.id, hostId: h.id, otherId: null,
      message: `${hostLabel(h)}: on the ${end ?? "reserved"} address of ${networkLabel(n)}`,
    });
  }

  const containers = networks.filter((n) => n.row.status === "container").map((n) => n.row.id);
  for (const h of await hostsInNetworks(containers, tx)) {
    out.push({
      kind: "host_in_container", networkId: h.network_id, hostId: h.id, otherId: null,
      message: `${hostLabel(h)}: directly in container ${networkLabel(byId.get(h.network_id)!)} (a container holds networks, not hosts)`,
    });
  }

  // Every network's domain, the invalid prefixes' too: a name's identity does not depend on its network's prefix.
  const domains = new Map(rows.map((r) => [r.id, r.domain]));
  out.push(...(await nameViolations(domains, tx)));
  return out;
}
