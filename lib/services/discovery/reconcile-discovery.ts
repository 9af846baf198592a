import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { toAppError, type AppError } from "@/lib/errors";
import type { Host } from "@/lib/generated/prisma/client";
import { parseAddress, sortKey } from "@/lib/ipam";
import { discoverySourceLabel, type ChangeRow, type ChangeSet, type DiscoverySource, type Observation } from "@/lib/schemas/discovery";
import type { HostData } from "@/lib/schemas/host";
import { authorize } from "@/lib/services/authorize";
import { discoveryNetwork } from "@/lib/services/discovery/discovery-network";
import { reconcileRows, type StoredHost } from "@/lib/services/discovery/reconcile-rows";
import { checkHosts } from "@/lib/services/hosts/check-hosts";
import { mergeHostPatch } from "@/lib/services/hosts/host-input";
import { innermostNetworks } from "@/lib/services/hosts/host-networks";

export interface DiscoveryInput {
  source: DiscoverySource;
  /** One per address (the parsers keep a file's last line for an address). */
  observations: readonly Observation[];
  observedAt: Date;
  /** Limit the change set to this network and list its hosts that were not seen. */
  networkId?: number | null;
}

const KEYS_PER_QUERY = 1000;

/**
 * The columns the change set compares and shows: a /16 holds up to 65,536
 * hosts, and reading whole rows through Prisma cost twice as long. The few
 * hosts the preview puts through the host rules are read whole.
 */
const STORED_HOST = { id: true, ipAddress: true, ipKey: true, hostname: true, macAddress: true, status: true, lastSeen: true } as const;
type KeyedHost = StoredHost & { ipKey: string };

/**
 * The host rules cost about a millisecond per row: a /16's 65,536 rows would
 * make the preview take a minute. The first rows that would be written are
 * checked up front; the rest are checked by the apply, which is always the
 * authority (all or nothing, 422/409 naming the row).
 */
export const MAX_PRECHECKED_ROWS = 1000;

/**
 * A source's observations as a change set against the database; writes
 * nothing. Each row that would be written is also put through the host rules
 * (checkHosts, read-only here), so a row the apply would refuse (its MAC on
 * another host, an address outside every network's rules…) says why up front.
 */
export async function reconcileDiscovery(actor: Actor, input: DiscoveryInput): Promise<ChangeSet> {
  authorize(actor, "editor");
  // Reads only: no transaction, so a large preview never holds SQLite's write lock.
  const db = getDb() as unknown as Tx;
  const network = input.networkId ? await discoveryNetwork(db, input.networkId) : null;
  // A literal, not a spread of the observation: ~15 µs a row saved on a /16.
  const keyed = input.observations.map((o) => ({ ip_address: o.ip_address, mac_address: o.mac_address, hostname: o.hostname, line: o.line, key: sortKey(parseAddress(o.ip_address)) }));
  const inside = network ? keyed.filter((o) => o.key >= network.row.startKey && o.key <= network.row.endKey) : keyed;
  const stored = new Map<string, KeyedHost>();
  let rangeHosts: KeyedHost[] | undefined;
  if (network) {
    rangeHosts = await db.host.findMany({ where: { ipKey: { gte: network.row.startKey, lte: network.row.endKey } }, select: STORED_HOST });
    for (const host of rangeHosts) stored.set(host.ipKey, host);
  } else {
    for (let i = 0; i < inside.length; i += KEYS_PER_QUERY) {
      const keys = inside.slice(i, i + KEYS_PER_QUERY).map((o) => o.key);
      for (const host of await db.host.findMany({ where: { ipKey: { in: keys } }, select: STORED_HOST })) stored.set(host.ipKey, host);
    }
  }
  const networks = await innermostNetworks(db, inside.map((o) => o.key));
  const rows = reconcileRows({ observations: inside, stored, domainOf: (key) => networks.get(key)?.domain ?? null, rangeHosts });
  const prechecked = await markRefusedRows(db, rows, { source: input.source, observedAt: input.observedAt });
  const keyOf = new Map<string, string>(inside.map((o) => [o.ip_address, o.key]));
  for (const host of rangeHosts ?? []) keyOf.set(host.ipAddress, host.ipKey);
  const sorted = byAddress(rows, keyOf);
  return {
    source: input.source,
    observed_at: input.observedAt.toISOString(),
    network: network ? { id: network.row.id, prefix: network.prefix } : null,
    summary: {
      new: count(rows, "new"), changed: count(rows, "changed"), seen: count(rows, "seen"), missing: count(rows, "missing"),
      outside: keyed.length - inside.length, problems: rows.filter((r) => r.problems.length > 0).length, prechecked,
    },
    rows: sorted,
  };
}

const count = (rows: ChangeRow[], kind: ChangeRow["kind"]) => rows.filter((r) => r.kind === kind).length;

/** Rows in address order, by the sort keys already known for every row's address. */
function byAddress(rows: ChangeRow[], keyOf: ReadonlyMap<string, string>): ChangeRow[] {
  return rows
    .map((row) => ({ row, key: keyOf.get(row.ip_address) ?? sortKey(parseAddress(row.ip_address)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((it) => it.row);
}

/**
 * The host each applicable new/changed row would write (the first
 * MAX_PRECHECKED_ROWS), through the host rules; a refusal turns the row off
 * with the rule's message. Answers how many rows were checked.
 */
async function markRefusedRows(db: Tx, rows: ChangeRow[], meta: { source: DiscoverySource; observedAt: Date }): Promise<number> {
  const chosen: ChangeRow[] = [];
  for (const row of rows) {
    if (chosen.length >= MAX_PRECHECKED_ROWS) break;
    if (row.applicable && (row.kind === "new" || row.kind === "changed")) chosen.push(row);
  }
  const ids = chosen.flatMap((row) => (row.host_id === null ? [] : [row.host_id]));
  const hosts = new Map((ids.length ? await db.host.findMany({ where: { id: { in: ids } } }) : []).map((h) => [h.id, h]));
  const writes: ChangeRow[] = [];
  const candidates: Array<{ data: HostData; self: Host | null }> = [];
  for (const row of chosen) {
    const self = row.host_id === null ? null : hosts.get(row.host_id) ?? null;
    try {
      candidates.push({ data: hostDataFor(row, self, meta), self });
      writes.push(row);
    } catch (error) {
      refuse(row, [toAppError(error)]);
    }
  }
  if (writes.length === 0) return 0;
  const checked = await checkHosts(db, candidates);
  checked.forEach((c, i) => c.errors.length && refuse(writes[i], c.errors));
  return writes.length;
}

function refuse(row: ChangeRow, errors: AppError[]): void {
  if (errors.some((e) => e.status >= 500)) throw errors[0];
  row.applicable = false;
  row.problems.push(...errors.map((e) => `Would be refused: ${e.message}`));
}

/** What applying a row writes: a new host, or the stored one with the seen MAC/hostname over it. Apply uses the same values. */
export function hostDataFor(
  row: { ip_address: string; mac_address?: string | null; hostname?: string | null },
  self: Host | null,
  meta: { source: DiscoverySource; observedAt: Date },
): HostData {
  const seen = { last_seen: meta.observedAt, discovery_source: discoverySourceLabel[meta.source] };
  const patch = { ...(row.mac_address ? { mac_address: row.mac_address } : {}), ...(row.hostname ? { hostname: row.hostname } : {}), ...seen };
  if (self) return mergeHostPatch(self, patch);
  return {
    ip_address: row.ip_address, hostname: row.hostname ?? null, cname: null, mac_address: row.mac_address ?? null, description: null, status: "active",
    network_id: null, allow_duplicate_name: false, ...seen,
  };
}
