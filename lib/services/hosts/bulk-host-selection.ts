import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Host } from "@/lib/generated/prisma/client";
import { MAX_BULK_HOSTS, type HostSelection } from "@/lib/schemas/host-bulk";
import { assertHostsExist } from "@/lib/services/hosts/assert-hosts-exist";
import { hostWhere } from "@/lib/services/hosts/host-query";

/**
 * The hosts a bulk action works on, in address order. Ids: all must exist
 * (404 naming the missing ones). A filter: the hosts list's rule
 * (hostWhere), and exactly `expected_count` of them — a host added or
 * removed since the caller looked is a 409, never silently in or out. The
 * action then works on these rows by id, so a host another writer adds
 * after this read (PostgreSQL, read committed) is not touched either.
 */
export async function selectHosts(tx: Tx, selection: HostSelection): Promise<Host[]> {
  if ("ids" in selection) {
    const ids = await assertHostsExist(tx, selection.ids);
    return tx.host.findMany({ where: { id: { in: ids } }, orderBy: { ipKey: "asc" } });
  }
  const where = await hostWhere(tx, selection.filter);
  // One row more than allowed is enough to know the set is too large.
  const rows = await tx.host.findMany({ where, orderBy: { ipKey: "asc" }, take: MAX_BULK_HOSTS + 1 });
  if (rows.length > MAX_BULK_HOSTS) {
    throw new AppError("payload_too_large", `The filter matches more than ${MAX_BULK_HOSTS.toLocaleString("en-US")} hosts; narrow it (at most ${MAX_BULK_HOSTS.toLocaleString("en-US")} per bulk action)`);
  }
  if (rows.length !== selection.expected_count) {
    throw new AppError(
      "conflict",
      `The filter now matches ${rows.length} host${rows.length === 1 ? "" : "s"}, not the ${selection.expected_count} expected: hosts were added or removed meanwhile; nothing was changed. Look again and repeat.`,
      { expected_count: selection.expected_count, count: rows.length },
    );
  }
  return rows;
}
