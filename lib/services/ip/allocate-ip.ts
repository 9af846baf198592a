import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { keyReader } from "@/lib/db/raw";
import { AppError } from "@/lib/errors";
import { formatValue, sortKeyOf } from "@/lib/ipam";
import { allocateSchema } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { assertAliasesFree, assertMacFree } from "@/lib/services/hosts/host-rules";
import { findFree, freeSpaceOf } from "@/lib/services/ip/free-space";
import { isRetryableWriteError } from "@/lib/services/ip/retryable";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { inWriteTransaction } from "@/lib/services/write-options";

const ATTEMPTS = 8;

/**
 * Creates host(s) at the next free address(es) of a network: one host, or
 * `{items}` when `count` is given. All or nothing: too few free addresses is
 * 409 network_full and nothing is created.
 *
 * Race: two callers must never get the same address. The search and the
 * insert happen inside ONE write transaction, and in this process the SQLite
 * adapter runs transactions strictly one at a time (lib/db/one-writer-adapter
 * also holds back statements outside a transaction), so every earlier
 * allocation has committed before ours searches. The search reads through
 * the query-only connection (committed data, 5x cheaper than a query inside
 * Prisma's transaction); nothing of ours is uncommitted yet at that point, so
 * it sees exactly what the transaction would. Another process (the CLI, a
 * second server) can still commit between our search and our insert: the
 * unique index on hosts.ip_key then rejects the insert, the transaction
 * rolls back and the whole search is retried.
 */
export async function allocateIp(actor: Actor, networkId: number, input: unknown): Promise<HostOut | { items: HostOut[] }> {
  authorize(actor, "editor");
  const { count, ...fields } = allocateSchema.parse(input);
  const wanted = count ?? 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const hosts = await inWriteTransaction(undefined, async (tx) => {
        const network = await loadNetwork(tx, networkId);
        const space = await freeSpaceOf(tx, network);
        const free = await findFree(keyReader(), space, wanted);
        if (free.length < wanted) {
          const what = free.length === 0 ? "no free address" : `only ${free.length} free address${free.length === 1 ? "" : "es"}`;
          throw new AppError("network_full", `Network ${network.network}/${network.cidr} has ${what}; asked for ${wanted}`);
        }
        const family = space.prefix.family;
        await assertMacFree(tx, family, fields.mac_address ?? null, null);
        await assertAliasesFree(tx, fields.cname ?? null, null);
        // A free address is usable, outside every child network and unused, so its network is this one.
        const rows = [];
        for (const value of free) {
          rows.push(await tx.host.create({
            data: {
              ipAddress: formatValue(family, value), ipKey: sortKeyOf(family, value), family, networkId: network.id,
              hostname: fields.hostname ?? null, cname: fields.cname ?? null, macAddress: fields.mac_address ?? null,
              description: fields.description ?? null, status: fields.status, discoverySource: fields.discovery_source ?? null,
            },
          }));
        }
        return rows.map(serializeHost);
      });
      return count === undefined ? hosts[0] : { items: hosts };
    } catch (error) {
      if (attempt < ATTEMPTS && isRetryableWriteError(error)) continue;
      throw error;
    }
  }
}
