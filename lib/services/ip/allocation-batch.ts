import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { keyReader } from "@/lib/db/raw";
import { readNetworkAndInside } from "@/lib/db/raw/network-rows";
import { lockNetworks, takesNetworkLocks } from "@/lib/db/raw/locks";
import { AppError } from "@/lib/errors";
import type { Host, Network } from "@/lib/generated/prisma/client";
import { formatValue, type Family } from "@/lib/ipam";
import type { AllocateData, HostData } from "@/lib/schemas/host";
import type { ChangeContext } from "@/lib/services/changes/change-context";
import type { ChangeRecorder } from "@/lib/services/changes/record-changes";
import { checkHosts, type CheckedHost, type StoredAtAddresses } from "@/lib/services/hosts/check-hosts";
import { writeHostsAndAnswer } from "@/lib/services/hosts/write-hosts";
import { findFree, freeSpaceWith } from "@/lib/services/ip/free-space";
import { ALLOCATABLE_STATUSES, assertAllocatable } from "@/lib/services/networks/network-status";
import { networkNotFound } from "@/lib/services/networks/network-rules";

// One write transaction for every allocation waiting on the same network
// (group commit): the lock, the network, its free space and the commit are
// paid once per batch instead of once per call. The outcome of each call is
// exactly what it would be had the calls run one after another in arrival
// order: addresses are handed out in that order, a call refused by a host
// rule or by a full network writes nothing and leaves its addresses to the
// next call, and each caller's hosts are recorded in the change log as
// theirs, with their own request id and message.

/** One caller's allocation, as it waits in its network's queue. */
export interface AllocationCall {
  actor: Actor;
  input: AllocateData;
  /** The caller's request (captured when it queued: the batch runs in whichever call's async context started it). */
  context: ChangeContext | undefined;
}

/** Per call: its hosts in order, or why it was refused. */
export type CallOutcome = { hosts: Host[] } | { error: unknown };

const wantedOf = (call: AllocationCall) => call.input.count ?? 1;

/**
 * What checkHosts would read at the addresses the search found free: no
 * host. The search ran under the network's lock, after every earlier
 * allocation in it committed (and on SQLite under the database's write
 * lock), so the read would only repeat it. Should a host still land at one
 * without the lock, the unique index on hosts.ip_key refuses our insert.
 */
const FOUND_FREE: StoredAtAddresses = new Map();

function hostData(call: AllocationCall, family: Family, value: bigint): HostData {
  const fields = call.input;
  return {
    ip_address: formatValue(family, value), hostname: fields.hostname ?? null, cname: fields.cname ?? null,
    mac_address: fields.mac_address ?? null, description: fields.description ?? null, status: fields.status,
    network_id: null, last_seen: null, discovery_source: fields.discovery_source ?? null,
    allow_duplicate_name: fields.allow_duplicate_name ?? false,
  };
}

function networkFull(network: Network, free: number, wanted: number): AppError {
  const what = free === 0 ? "no free address" : `only ${free} free address${free === 1 ? "" : "es"}`;
  return new AppError("network_full", `Network ${network.network}/${network.cidr} has ${what}; asked for ${wanted}`);
}

/**
 * Runs `calls` (all for `networkId`) in the caller's write transaction.
 * Throws only what no call can be answered without: the network's own
 * refusal (missing, container, not allocatable) and database errors; the
 * caller then decides whether to run the calls one by one.
 */
export async function allocateBatch(tx: Tx, changes: ChangeRecorder, networkId: number, calls: readonly AllocationCall[]): Promise<CallOutcome[]> {
  await lockNetworks(tx, [networkId]);
  const read = await readNetworkAndInside(tx, networkId, ALLOCATABLE_STATUSES);
  if (!read) throw networkNotFound(networkId);
  const { network } = read;
  assertAllocatable(network);
  const space = freeSpaceWith(network, read.inside);
  const total = calls.reduce((sum, call) => sum + wantedOf(call), 0);
  // On SQLite the search reads committed data through the query-only
  // connection (nothing of this batch is written yet); on PostgreSQL inside
  // the transaction (allocateIp explains why).
  const free = await findFree(takesNetworkLocks() ? keyReader(tx) : keyReader(), space, total);
  const family = space.prefix.family;
  const itemsOf = (call: AllocationCall, from: number) =>
    free.slice(from, from + wantedOf(call)).map((value) => ({ data: hostData(call, family, value), self: null }));

  // Every call's hosts checked together; when one breaks a rule, again one
  // call at a time so that its refusal frees its addresses for the next.
  // A call that does not fit in what is free is refused; a smaller one after it may still fit.
  const starts: number[] = [];
  let next = 0;
  for (const call of calls) {
    const fits = next + wantedOf(call) <= free.length;
    starts.push(fits ? next : -1);
    if (fits) next += wantedOf(call);
  }
  const outcomes: Array<CallOutcome | { items: CheckedHost[] }> = [];
  const rows = new Map<string, Host>();
  const write = async (items: CheckedHost[]) => (await writeHostsAndAnswer(tx, items)).forEach((row) => rows.set(row.ipKey, row));
  const options = { network, stored: FOUND_FREE };
  const together = await checkHosts(tx, calls.flatMap((call, i) => (starts[i] < 0 ? [] : itemsOf(call, starts[i]))), options);
  if (together.every((item) => item.errors.length === 0)) {
    let at = 0;
    let taken = 0;
    for (const [i, call] of calls.entries()) {
      if (starts[i] < 0) outcomes.push({ error: networkFull(network, free.length - taken, wantedOf(call)) });
      else outcomes.push({ items: together.slice(at, (at += wantedOf(call))) }), (taken += wantedOf(call));
    }
    await write(together);
  } else {
    let from = 0;
    for (const call of calls) {
      if (from + wantedOf(call) > free.length) {
        outcomes.push({ error: networkFull(network, free.length - from, wantedOf(call)) });
        continue;
      }
      const checked = await checkHosts(tx, itemsOf(call, from), options);
      const refused = checked.find((c) => c.errors.length);
      if (refused) {
        outcomes.push({ error: refused.errors[0] });
        continue;
      }
      await write(checked);
      outcomes.push({ items: checked });
      from += wantedOf(call);
    }
  }
  const answered: CallOutcome[] = outcomes.map((o) => ("items" in o ? { hosts: o.items.map((item) => rows.get(item.key)!) } : o));
  await changes.recordGroups(calls.flatMap((call, i) => {
    const outcome = answered[i];
    if (!("hosts" in outcome)) return [];
    const ids = new Set(outcome.hosts.map((h) => h.id));
    return [{ author: call.actor, context: call.context, owns: (table: string, rowId: number) => table === "hosts" && ids.has(rowId) }];
  }));
  return answered;
}
