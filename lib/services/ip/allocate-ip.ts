import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { Host } from "@/lib/generated/prisma/client";
import type { AllocateData } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { requestsPreparing } from "@/lib/http/requests-preparing";
import { currentChangeContext } from "@/lib/services/changes/change-context";
import { allocateBatch, type AllocationCall, type CallOutcome } from "@/lib/services/ip/allocation-batch";
import { keepGathering, type EndedBatch } from "@/lib/services/ip/batch-gathering";
import { isUniqueViolation } from "@/lib/services/ip/retryable";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { backoff, inRecordingTransaction, WRITE_ATTEMPTS } from "@/lib/services/write-options";

/**
 * Creates host(s) at the next free address(es) of a network: one host, or
 * `{items}` when `count` is given. All or nothing: too few free addresses is
 * 409 network_full and nothing is created; a container, reserved or
 * deprecated network is refused before any search (409). The hosts then pass
 * the same host rules as every other write (checkHosts: names, MAC …).
 *
 * Race: two callers — in this process, in another server on the same
 * database, or the admin CLI — must never get the same address. The search
 * and the insert happen inside ONE write transaction that first holds the
 * network's lock (lockNetworks: a PostgreSQL advisory lock per network; on
 * SQLite the database's write lock, taken by BEGIN IMMEDIATE), so every
 * earlier allocation in this network has committed before ours searches, and
 * allocations in other networks go on meanwhile on PostgreSQL.
 * On SQLite the search reads through the query-only connection (committed
 * data, 5x cheaper than a query inside Prisma's transaction; nothing of ours
 * is uncommitted yet). On PostgreSQL it reads inside the transaction: a
 * second pool connection could be out of reach while every other one is
 * held by an allocation waiting for our lock.
 * Should anything still commit the same address first (a host written
 * without the lock), the unique index on hosts.ip_key refuses our insert,
 * the transaction rolls back and the whole search runs again, a bounded
 * number of times; then 409 conflict.
 * Calls that arrive while their network's transaction runs share the next
 * one (group commit, ./allocation-batch.ts), with the same outcome each
 * would have had alone, in arrival order.
 */
export async function allocateIp(actor: Actor, networkId: number, input: AllocateData): Promise<HostOut | { items: HostOut[] }> {
  authorize(actor, "editor");
  const hosts = await new Promise<Host[]>((resolve, reject) => {
    queueCall(networkId, { actor, input, context: currentChangeContext(), queuedAt: performance.now(), resolve, reject });
  });
  const out = hosts.map(serializeHost);
  return input.count === undefined ? out[0] : { items: out };
}

// Group commit: calls for one network wait while its batch runs, then go
// together in the next one (no added wait: a call that finds no batch
// running starts one at once). One process's queue; other processes'
// allocations meet ours at the network's lock.

interface QueuedCall extends AllocationCall {
  /** performance.now() when it queued. */
  queuedAt: number;
  resolve(hosts: Host[]): void;
  reject(error: unknown): void;
}

/** Hosts per batch, at most: one call's largest `count`, and well under what one change-log pass records. */
const BATCH_HOSTS = 1000;

const queues = new Map<number, QueuedCall[]>();
/** Per network, its last batch: whose callers a new batch may wait for (./batch-gathering.ts). */
const endedBatches = new Map<number, EndedBatch>();

function queueCall(networkId: number, call: QueuedCall): void {
  const queue = queues.get(networkId);
  if (queue) return void queue.push(call);
  queues.set(networkId, [call]);
  void drain(networkId);
}

async function drain(networkId: number): Promise<void> {
  const queue = queues.get(networkId)!;
  try {
    while (queue.length) {
      await gather(queue, endedBatches.get(networkId));
      let hosts = 0;
      let size = 0;
      while (size < queue.length && (size === 0 || hosts + (queue[size].input.count ?? 1) <= BATCH_HOSTS)) hosts += queue[size++].input.count ?? 1;
      await runBatch(networkId, queue.splice(0, size));
      endedBatches.set(networkId, { calls: size, endedAt: performance.now() });
    }
  } catch (error) {
    // runBatch answers every call itself; should anything else throw, no call may wait forever.
    for (const call of queue.splice(0)) call.reject(error);
  } finally {
    queues.delete(networkId);
  }
}

/**
 * Lets calls on their way reach the queue before a batch starts
 * (./batch-gathering.ts says how long). better-sqlite3 answers
 * synchronously, so a whole SQLite transaction runs without giving the
 * event loop a turn: a batch started at once would hold one call every
 * time, while the other requests wait in their authentication and parsing
 * (lib/http/requests-preparing.ts). Alone, it costs one turn: microseconds.
 */
async function gather(queue: readonly QueuedCall[], lastBatch: EndedBatch | undefined): Promise<void> {
  const startedAt = performance.now();
  let lengthBefore = -1;
  for (;;) {
    const state = { queuedAt: queue.map((c) => c.queuedAt), lengthBefore, preparing: requestsPreparing(), startedAt, now: performance.now(), lastBatch };
    if (!keepGathering(state)) return;
    lengthBefore = queue.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Answers every call of a batch; never throws. */
async function runBatch(networkId: number, calls: QueuedCall[]): Promise<void> {
  let outcomes: CallOutcome[];
  try {
    outcomes = await withRetries(networkId, calls);
  } catch (error) {
    // The network's own refusal (missing, container, not allocatable) answers every call.
    // Anything else may be one call's doing: each runs alone, so only that call fails.
    if (calls.length === 1 || error instanceof AppError) return void calls.forEach((call) => call.reject(error));
    for (const call of calls) await runBatch(networkId, [call]);
    return;
  }
  outcomes.forEach((outcome, i) => ("hosts" in outcome ? calls[i].resolve(outcome.hosts) : calls[i].reject(outcome.error)));
}

/** A writer that took an address without the lock makes our insert fail on the unique index: the whole batch searches again. */
async function withRetries(networkId: number, calls: QueuedCall[]): Promise<CallOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inRecordingTransaction((tx, changes) => allocateBatch(tx, changes, networkId, calls));
    } catch (error) {
      // Busy and deadlocks were already retried by inRecordingTransaction.
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= WRITE_ATTEMPTS) {
        throw new AppError("conflict", `Other writers kept taking the free addresses of network ${networkId}; nothing was written, try again`);
      }
      await backoff(attempt);
    }
  }
}
