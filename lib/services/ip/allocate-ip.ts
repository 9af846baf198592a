import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { keyReader } from "@/lib/db/raw";
import { lockNetworks, takesNetworkLocks } from "@/lib/db/raw/locks";
import { AppError } from "@/lib/errors";
import { formatValue } from "@/lib/ipam";
import type { AllocateData, HostData } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { checkHosts } from "@/lib/services/hosts/check-hosts";
import { readWritten, writeHosts } from "@/lib/services/hosts/write-hosts";
import { findFree, freeSpaceOf } from "@/lib/services/ip/free-space";
import { isUniqueViolation } from "@/lib/services/ip/retryable";
import { assertAllocatable } from "@/lib/services/networks/network-status";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { backoff, inWriteTransaction, WRITE_ATTEMPTS } from "@/lib/services/write-options";

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
 */
export async function allocateIp(actor: Actor, networkId: number, input: AllocateData): Promise<HostOut | { items: HostOut[] }> {
  authorize(actor, "editor");
  const { count, ...fields } = input;
  const wanted = count ?? 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const hosts = await inWriteTransaction(actor, undefined, async (tx) => {
        await lockNetworks(tx, [networkId]);
        const network = await loadNetwork(tx, networkId);
        assertAllocatable(network);
        const space = await freeSpaceOf(tx, network);
        const free = await findFree(takesNetworkLocks() ? keyReader(tx) : keyReader(), space, wanted);
        if (free.length < wanted) {
          const what = free.length === 0 ? "no free address" : `only ${free.length} free address${free.length === 1 ? "" : "es"}`;
          throw new AppError("network_full", `Network ${network.network}/${network.cidr} has ${what}; asked for ${wanted}`);
        }
        const family = space.prefix.family;
        const data = (value: bigint): HostData => ({
          ip_address: formatValue(family, value), hostname: fields.hostname ?? null, cname: fields.cname ?? null,
          mac_address: fields.mac_address ?? null, description: fields.description ?? null, status: fields.status,
          network_id: null, last_seen: null, discovery_source: fields.discovery_source ?? null,
          allow_duplicate_name: fields.allow_duplicate_name ?? false,
        });
        const checked = await checkHosts(tx, free.map((value) => ({ data: data(value), self: null })), { network });
        const refused = checked.find((c) => c.errors.length);
        if (refused) throw refused.errors[0];
        await writeHosts(tx, checked);
        return (await readWritten(tx, checked)).map(serializeHost);
      });
      return count === undefined ? hosts[0] : { items: hosts };
    } catch (error) {
      // Busy and deadlocks were already retried by inWriteTransaction.
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= WRITE_ATTEMPTS) {
        throw new AppError("conflict", `Other writers kept taking the free addresses of network ${networkId}; nothing was written, try again`);
      }
      await backoff(attempt);
    }
  }
}
