import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { addFieldError, AppError, toAppError, validationError, type FieldErrors } from "@/lib/errors";
import type { Host } from "@/lib/generated/prisma/client";
import { parseAddress, sortKey } from "@/lib/ipam";
import { discoverySourceLabel, type ApplyResult, type ApplyRow, type DiscoveryApplyInput, type DiscoverySource } from "@/lib/schemas/discovery";
import { authorize } from "@/lib/services/authorize";
import { hostDataFor } from "@/lib/services/discovery/reconcile-discovery";
import { RESERVED_PROBLEM } from "@/lib/services/discovery/reconcile-rows";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { updateHost } from "@/lib/services/hosts/update-host";
import { inWriteTransaction } from "@/lib/services/write-options";

// Applies the rows of a change set that the caller chose. Nothing is stored
// between the preview and this call: each row is checked again, inside the
// write transaction, against the hosts as they are now (a host created,
// moved or reserved since the preview makes the whole apply a 409), and its
// MAC and hostname went through the host field schemas again
// (discoveryApplySchema). One transaction: all rows or none.

/** A clock a little ahead of ours is not a forged future. */
const CLOCK_SKEW_MS = 5 * 60_000;
const IDS_PER_UPDATE = 1000;

export async function applyDiscovery(actor: Actor, input: DiscoveryApplyInput): Promise<ApplyResult> {
  authorize(actor, "editor");
  const observedAt = new Date(input.observed_at);
  if (observedAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw validationError({ observed_at: ["observed_at lies in the future"] });
  const keys = input.rows.map((row) => sortKey(parseAddress(row.ip_address)));
  assertOnePerAddress(keys);
  const meta = { source: input.source, observedAt };
  return inWriteTransaction(actor, undefined, async (tx) => {
    const stored = await hostsAt(tx, keys);
    assertStillTrue(input.rows, keys, stored);
    const at = (i: number) => stored.get(keys[i]) ?? null;
    const indexes = (kind: ApplyRow["kind"]) => input.rows.flatMap((row, i) => (row.kind === kind ? [i] : []));
    // Changed hosts first: a MAC or name they give up may be what a new host takes.
    for (const i of indexes("changed")) {
      const self = at(i)!;
      await rowError(i, () => updateHost(actor, self.id, { put: hostDataFor(input.rows[i], self, meta) }, { tx }));
    }
    const created = indexes("new");
    if (created.length) await createNew(actor, tx, created.map((i) => [i, input.rows[i]] as const), meta);
    const seen = indexes("seen").map((i) => at(i)!.id);
    await markSeen(tx, seen, meta);
    return { created: created.length, updated: indexes("changed").length, seen: seen.length };
  });
}

function assertOnePerAddress(keys: string[]): void {
  const first = new Map<string, number>();
  const errors: FieldErrors = {};
  keys.forEach((key, i) => {
    if (first.has(key)) addFieldError(errors, `${i}.ip_address`, `The same address as row ${first.get(key)}`);
    else first.set(key, i);
  });
  if (Object.keys(errors).length) throw validationError(errors);
}

async function hostsAt(tx: Tx, keys: string[]): Promise<Map<string, Host>> {
  const stored = new Map<string, Host>();
  for (let i = 0; i < keys.length; i += IDS_PER_UPDATE) {
    for (const host of await tx.host.findMany({ where: { ipKey: { in: keys.slice(i, i + IDS_PER_UPDATE) } } })) stored.set(host.ipKey, host);
  }
  return stored;
}

/** The preview's facts, read again under the write lock: otherwise 409 naming every row that no longer holds. */
function assertStillTrue(rows: ApplyRow[], keys: string[], stored: Map<string, Host>): void {
  const errors: FieldErrors = {};
  rows.forEach((row, i) => {
    const host = stored.get(keys[i]);
    const say = (message: string) => addFieldError(errors, String(i), `${row.ip_address}: ${message}`);
    if (row.kind === "new") {
      if (host) say(`host ${host.id} holds this address now`);
      return;
    }
    if (!host) say("no host holds this address any more");
    else if (row.host_id != null && row.host_id !== host.id) say(`the address belongs to host ${host.id} now, not ${row.host_id}`);
    else if (host.status === "reserved") say(RESERVED_PROBLEM);
  });
  if (Object.keys(errors).length) {
    const [first] = Object.values(errors)[0];
    throw new AppError("conflict", `The hosts changed since the change set was made; nothing was applied (${first}). Run the discovery again.`, errors);
  }
}

/** A failing row's error, its field messages keyed "<row>.<field>" as a bulk write's are. */
async function rowError<T>(index: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw reindex(error, () => index);
  }
}

async function createNew(actor: Actor, tx: Tx, rows: ReadonlyArray<readonly [number, ApplyRow]>, meta: { source: DiscoverySource; observedAt: Date }): Promise<void> {
  try {
    await createHosts(actor, rows.map(([, row]) => hostDataFor(row, null, meta)), { tx });
  } catch (error) {
    // createHosts names items by their place in its batch; the caller knows rows.
    throw reindex(error, (i) => (i === null ? rows[0][0] : rows[i]?.[0] ?? i));
  }
}

/**
 * Re-keys an error's field messages to the apply's row numbers: "<i>.<field>"
 * (a batch item) or "<field>" (one host) → "<row>.<field>".
 */
function reindex(error: unknown, rowOf: (batchIndex: number | null) => number): unknown {
  const app = toAppError(error);
  if (app.status >= 500 || !app.details) return error;
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(app.details)) {
    if (!Array.isArray(value)) {
      details[key] = value;
      continue;
    }
    const match = /^(\d+)(?:\.(.*))?$/.exec(key);
    const row = match ? rowOf(Number(match[1])) : rowOf(null);
    const field = match ? match[2] : key;
    details[field ? `${row}.${field}` : String(row)] = value;
  }
  return new AppError(app.code, app.message, details);
}

/** Seen rows: only last_seen and discovery_source change, which no host rule reads, so one statement per 1,000 hosts instead of a host write each. */
async function markSeen(tx: Tx, ids: number[], meta: { source: DiscoverySource; observedAt: Date }): Promise<void> {
  for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
    await tx.host.updateMany({
      where: { id: { in: ids.slice(i, i + IDS_PER_UPDATE) } },
      data: { lastSeen: meta.observedAt, discoverySource: discoverySourceLabel[meta.source] },
    });
  }
}
