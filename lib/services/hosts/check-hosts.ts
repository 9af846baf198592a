import "server-only";
import type { Tx } from "@/lib/db/client";
import { hostsWithKeys, hostsWithMacs } from "@/lib/db/raw/bulk-import";
import { hostNameClaims, type HostNameClaim } from "@/lib/db/raw/host-names";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { Host, Network } from "@/lib/generated/prisma/client";
import { containsAddress, formatPrefix, parseAddress, reservedIPv4End, sortKey, type Address, type Family, type Prefix, type Range } from "@/lib/ipam";
import type { HostData } from "@/lib/schemas/host";
import type { EarlierParts, FirstNameClaim } from "@/lib/services/hosts/earlier-parts";
import { hostLabel, nameClaimsOf, type NameClaim } from "@/lib/services/hosts/host-names";
import { innermostNetworks } from "@/lib/services/hosts/host-networks";
import { nearestFreeOutsidePool } from "@/lib/services/hosts/pool-suggestion";
import { inPoolWithoutMac } from "@/lib/services/integrity/address-space-rules";
import { allocationRefusal } from "@/lib/services/networks/network-status";
import { networkPool, networkPrefix } from "@/lib/services/serializers/network-prefix";

// THE host rules: every path that writes hosts (createHost, createHosts,
// updateHost, bulk status, allocate and the importers) checks its batch here,
// against the database and against the batch itself, and writes the columns
// returned (write-hosts.ts). Shape rules live in lib/schemas/host.ts.
// A host that this batch updates is judged by its new row: its stored
// address, MAC and names do not block another item of the batch.

/** What the rules need of the stored row an update replaces. */
export type HostSelf = Pick<Host, "id" | "ipKey" | "networkId" | "macAddress">;

export interface HostCandidate {
  data: HostData;
  /** The stored row this item replaces (an update), or null (a new host). */
  self: HostSelf | null;
  /** data.ip_address already parsed and its sort key (an import has them from reading the row): saves work per row. */
  address?: Address;
  key?: string;
}

/** One checked item: what writeHosts writes, and every rule it breaks. */
export interface CheckedHost {
  data: HostData;
  self: HostSelf | null;
  address: Address;
  /** Sort key of the address. */
  key: string;
  /** The derived network: the innermost one containing the address. */
  network: Network | null;
  /** Its DNS names by FQDN (its host_names rows): computed once, checked here and written by writeHosts. */
  claims: NameClaim[];
  /** Every rule this item breaks, in a fixed order (address, network, MAC, names); empty when it may be written. */
  errors: AppError[];
}

export interface CheckOptions {
  /** How messages refer to another item of the batch ("row 12" in a file); default "item <index>". */
  describe?: (index: number) => string;
  /** The earlier parts of a batch checked part by part (an import in chunks); this part's first claims that fail are added to it. */
  earlier?: EarlierParts;
  /** The stored hosts at the batch's addresses when the caller already read them (storedAtAddresses). */
  stored?: StoredAtAddresses;
  /**
   * The derived network of every item when the caller already knows it: allocate
   * takes free addresses of one network, and a free address lies in none of its
   * children, so that network is their innermost. Saves two queries inside the
   * allocation's write transaction.
   */
  network?: Network;
}

export type StoredAtAddresses = ReadonlyMap<string, Awaited<ReturnType<typeof hostsWithKeys>>[number]>;

/** The stored hosts at these sort keys, by key (one statement for any number of keys). */
export async function storedAtAddresses(tx: Tx, keys: readonly string[]): Promise<StoredAtAddresses> {
  return new Map((await hostsWithKeys(tx, [...new Set(keys)])).map((h) => [h.ip_key, h]));
}

/** Pool suggestions cost a few queries each: a file full of such rows gets them for the first ones only. */
const MAX_SUGGESTIONS = 50;

const fieldError = (code: ErrorCode, field: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(code, message, { [field]: [message], ...extra });

/** The host's DNS names by FQDN, from its names and its network's domain. */
function claimsOf(it: CheckedHost): NameClaim[] {
  const { data } = it;
  return nameClaimsOf({ hostname: data.hostname, cname: data.cname, allowDuplicateName: data.allow_duplicate_name, domain: it.network?.domain ?? null });
}

/** The Prisma columns of a checked host (computed when written, so a 100,000-row import never holds them all). */
export function hostColumns(it: CheckedHost) {
  const { data } = it;
  return {
    ipAddress: data.ip_address, ipKey: it.key, family: it.address.family, hostname: data.hostname, cname: data.cname,
    macAddress: data.mac_address, description: data.description, status: data.status, networkId: it.network?.id ?? null,
    lastSeen: data.last_seen, discoverySource: data.discovery_source, allowDuplicateName: data.allow_duplicate_name,
  };
}

type Item = CheckedHost & { index: number };

// Most items break no rule: they share one empty list until their first error (an import holds 100,000 of them).
const NONE: never[] = [];
function fail(it: Item, error: AppError): void {
  if (it.errors === NONE) it.errors = [error];
  else it.errors.push(error);
}

/**
 * Checks a batch of parsed hosts; returns, per item, what to write and every
 * rule it breaks. The candidates themselves become the checked items (their
 * fields are filled in place), so a 100,000-row import holds one object per row.
 */
export async function checkHosts<C extends HostCandidate>(tx: Tx, candidates: readonly C[], options: CheckOptions = {}): Promise<Array<C & CheckedHost>> {
  const describe = options.describe ?? ((i: number) => `item ${i}`);
  const items = candidates as unknown as Array<C & Item>;
  items.forEach((it, index) => {
    it.index = index;
    it.address ??= parseAddress(it.data.ip_address);
    it.key ??= sortKey(it.address);
    it.network = null;
    it.claims = NONE;
    it.errors = NONE;
  });
  const known = options.network;
  const networks = known ? { get: () => known } : await innermostNetworks(tx, items.map((it) => it.key));
  for (const it of items) {
    it.network = networks.get(it.key);
    if (it.data.hostname || it.data.cname) it.claims = claimsOf(it);
  }
  // Stored hosts this batch rewrites: their old values are replaced, not competitors.
  const rewritten = new Set(items.flatMap((it) => (it.self ? [it.self.id] : [])));
  const other = (it: Item, hostId: number) => hostId !== it.self?.id && !rewritten.has(hostId);
  await checkAddresses(tx, items, other, describe, options.stored);
  await checkNetworks(tx, items);
  const macFirsts = await checkMacs(tx, items, other, describe, options.earlier);
  const nameFirsts = await checkNames(tx, items, other, describe, options.earlier);
  if (options.earlier) carryFailedFirsts(options.earlier, items, macFirsts, nameFirsts, describe);
  return items;
}

/** The first claims of this part whose items failed: they judge the later parts' claims (EarlierParts). */
function carryFailedFirsts(earlier: EarlierParts, items: Item[], macs: Record<Family, Map<string, Item>>, names: Map<string, number>, describe: (i: number) => string): void {
  for (const family of [4, 6] as const) {
    for (const [mac, it] of macs[family]) if (it.errors.length) earlier.failedMacs[family].set(mac, describe(it.index));
  }
  for (const [fqdn, i] of names) {
    if (!items[i].errors.length) continue;
    const claim = items[i].claims.find((c) => c.fqdn === fqdn)!;
    earlier.failedNames.set(fqdn, { exclusive: claim.exclusive, kind: claim.kind, by: describe(i) });
  }
}

type Other = (it: Item, hostId: number) => boolean;

/** One host per address (the hosts.ip_key unique index is the last guard). */
async function checkAddresses(tx: Tx, items: Item[], other: Other, describe: (i: number) => string, known?: StoredAtAddresses): Promise<void> {
  const stored = known ?? (await storedAtAddresses(tx, items.map((it) => it.key)));
  const first = new Map<string, Item>();
  for (const it of items) {
    const owner = stored.get(it.key);
    if (owner && other(it, owner.id)) {
      fail(it, fieldError("conflict", "ip_address", `${it.data.ip_address} is already used by ${hostLabel(owner)}`, { host_id: owner.id }));
    }
    const earlier = first.get(it.key);
    if (earlier) fail(it, fieldError("conflict", "ip_address", `${it.data.ip_address} is also ${describe(earlier.index)}`));
    else first.set(it.key, it);
  }
}

/**
 * The derived network: not its IPv4 network/broadcast address, inside the
 * optional network_id, taking new hosts (network status), and outside its
 * DHCP pool unless the host has a MAC (a static lease dnsmasq honours).
 */
async function checkNetworks(tx: Tx, items: Item[]): Promise<void> {
  const wantedIds = [...new Set(items.flatMap((it) => (it.data.network_id == null ? [] : [it.data.network_id])))];
  const wanted = new Map((wantedIds.length ? await tx.network.findMany({ where: { id: { in: wantedIds } } }) : []).map((n) => [n.id, n]));
  let suggestions = 0;
  const shapes = new Map<number, { prefix: Prefix; pool: Range | null }>();
  const shapeOf = (n: Network) => {
    let shape = shapes.get(n.id);
    if (!shape) shapes.set(n.id, (shape = { prefix: networkPrefix(n), pool: networkPool(n) }));
    return shape;
  };
  for (const it of items) {
    const { network, data, address, self } = it;
    if (data.network_id != null) {
      const n = wanted.get(data.network_id);
      if (!n) fail(it, fieldError("validation_error", "network_id", `Network ${data.network_id} does not exist`));
      else if (!containsAddress(networkPrefix(n), address)) {
        fail(it, fieldError("validation_error", "network_id", `${data.ip_address} is not inside ${n.network}/${n.cidr} (network ${n.id})`));
      }
    }
    if (!network) continue;
    const { prefix, pool } = shapeOf(network);
    const end = reservedIPv4End(prefix, address.value);
    if (end) fail(it, fieldError("validation_error", "ip_address", `${data.ip_address} is the ${end} address of ${formatPrefix(prefix)}`));
    // Existing hosts of a reserved/deprecated network stay editable; only arriving ones are refused.
    const arriving = self === null || self.networkId !== network.id;
    const refusal = arriving ? allocationRefusal(network) : null;
    if (refusal) fail(it, new AppError(refusal.code, refusal.message, { ...refusal.details, ip_address: [refusal.message] }));
    const moved = self === null || self.ipKey !== it.key || self.macAddress !== null;
    if (moved && pool && inPoolWithoutMac(pool, address.value, data.mac_address)) {
      const suggestion = suggestions++ < MAX_SUGGESTIONS ? await nearestFreeOutsidePool(tx, network, address.family, address.value, pool) : null;
      const message = `${data.ip_address} is in the DHCP pool of ${formatPrefix(prefix)} (${network.dhcpStart}–${network.dhcpEnd}): ` +
        `a host there needs a MAC address (a static lease), or use ${suggestion ? `the nearest free address outside the pool, ${suggestion}` : "an address outside the pool"}`;
      fail(it, fieldError("validation_error", "ip_address", message, suggestion ? { suggestion } : {}));
    }
  }
}


const perFamily = <T>(): Record<Family, Map<string, T>> => ({ 4: new Map(), 6: new Map() });

/**
 * One MAC per family: dnsmasq's dhcp-host cannot give one MAC two addresses of
 * a family. Returns the first item to claim each MAC, when no earlier part claimed it.
 */
async function checkMacs(tx: Tx, items: Item[], other: Other, describe: (i: number) => string, earlier?: EarlierParts): Promise<Record<Family, Map<string, Item>>> {
  const first = perFamily<Item>();
  const withMac = items.filter((it) => it.data.mac_address);
  if (withMac.length === 0) return first;
  const stored = await hostsWithMacs(tx, [...new Set(withMac.map((it) => it.data.mac_address!))]);
  // One map per family, keyed by the MAC itself: no "family|mac" string per row (an import checks 100,000).
  const owners = perFamily<(typeof stored)[number]>();
  for (const h of stored) owners[Number(h.family) as Family].set(h.mac_address, h);
  for (const it of withMac) {
    const mac = it.data.mac_address!;
    const owner = owners[it.address.family].get(mac);
    const ownerOrder = owner && earlier ? earlier.writtenBy(owner) : undefined;
    if (owner && other(it, owner.id) && ownerOrder === undefined) {
      fail(it, fieldError("conflict", "mac_address", `MAC ${mac} already belongs to ${hostLabel(owner)}`, { host_id: owner.id }));
    }
    // Claimed first by an earlier part: its item (written or failed) judges this one.
    const before = ownerOrder !== undefined ? earlier!.describe(ownerOrder) : earlier?.failedMacs[it.address.family].get(mac);
    if (before) {
      fail(it, fieldError("conflict", "mac_address", `MAC ${mac} is also on ${before}`));
      continue;
    }
    const here = first[it.address.family].get(mac);
    if (here) fail(it, fieldError("conflict", "mac_address", `MAC ${mac} is also on ${describe(here.index)}`));
    else first[it.address.family].set(mac, it);
  }
  return first;
}

const fieldOf = (claim: NameClaim) => (claim.kind === "alias" ? "cname" : "hostname");
const what = (claim: { kind: string }) => (claim.kind === "alias" ? "an alias" : "the hostname");

/**
 * Hostnames and aliases share one namespace per FQDN: a name claimed
 * exclusively (an alias, or a hostname without allow_duplicate_name) may be
 * no other host's name; round-robin hostnames may share with each other only.
 * The host_names unique index is the last guard (write-hosts.ts).
 * Returns the first item to claim each name, when no earlier part claimed it.
 */
async function checkNames(tx: Tx, items: Item[], other: Other, describe: (i: number) => string, earlier?: EarlierParts): Promise<Map<string, number>> {
  // The first item of the batch to claim each name.
  const first = new Map<string, number>();
  items.forEach((it, i) => {
    for (const c of it.claims) if (!first.has(c.fqdn)) first.set(c.fqdn, i);
  });
  if (first.size === 0) return first;
  const stored = new Map<string, HostNameClaim[]>();
  for (const claim of await hostNameClaims(tx, [...first.keys()])) {
    const list = stored.get(claim.fqdn);
    if (list) list.push(claim);
    else stored.set(claim.fqdn, [claim]);
  }
  // A name an earlier part claimed first: the first claim of a failed item, else the earliest one written.
  const firstBefore = new Map<string, FirstNameClaim>();
  if (earlier) {
    for (const fqdn of first.keys()) {
      const failed = earlier.failedNames.get(fqdn);
      if (failed) firstBefore.set(fqdn, failed);
      else {
        const written = (stored.get(fqdn) ?? []).flatMap((s) => {
          const order = earlier.writtenBy(s);
          return order === undefined ? [] : [{ order, exclusive: s.slot === 0, kind: s.kind }];
        });
        const earliest = written.sort((a, b) => a.order - b.order)[0];
        if (earliest) firstBefore.set(fqdn, { exclusive: earliest.exclusive, kind: earliest.kind, by: earlier.describe(earliest.order) });
      }
    }
  }
  const storedBefore = (s: HostNameClaim) => !earlier || earlier.writtenBy(s) === undefined;
  items.forEach((it, i) => {
    for (const claim of it.claims) {
      const clash = stored.size ? stored.get(claim.fqdn)?.find((s) => other(it, s.host_id) && storedBefore(s) && (claim.exclusive || s.slot === 0)) : undefined;
      if (clash) {
        const message = `${claim.kind === "alias" ? "Alias" : "Hostname"} "${claim.fqdn}" is already ${what(clash)} of ${hostLabel({ id: clash.host_id, ip_address: clash.ip_address, hostname: clash.hostname })}`;
        fail(it, fieldError("conflict", fieldOf(claim), message, { host_id: clash.host_id }));
      }
      // The first claim of a name in the batch judges the later ones: when it is exclusive every
      // later claim clashes with it; when it is round-robin only an exclusive one does.
      const before = firstBefore.get(claim.fqdn);
      if (before) {
        if (claim.exclusive || before.exclusive) {
          fail(it, fieldError("conflict", fieldOf(claim), `${claim.kind === "alias" ? "Alias" : "Hostname"} "${claim.fqdn}" is also ${what(before)} on ${before.by}`));
        }
        continue;
      }
      const j = first.get(claim.fqdn)!;
      if (j === i) continue;
      const firstClaim = items[j].claims.find((c) => c.fqdn === claim.fqdn)!;
      if (claim.exclusive || firstClaim.exclusive) {
        const message = `${claim.kind === "alias" ? "Alias" : "Hostname"} "${claim.fqdn}" is also ${what(firstClaim)} on ${describe(j)}`;
        fail(it, fieldError("conflict", fieldOf(claim), message));
      }
    }
  });
  // The names this part claimed first (for carryFailedFirsts).
  return firstBefore.size ? new Map([...first].filter(([fqdn]) => !firstBefore.has(fqdn))) : first;
}
