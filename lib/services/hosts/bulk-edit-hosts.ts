import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { BulkEditOut, BulkHostEdit, BulkHostFields } from "@/lib/schemas/host-bulk";
import { authorize } from "@/lib/services/authorize";
import { editOf, editOut, type HostEdit } from "@/lib/services/hosts/bulk-edit-changes";
import { selectHosts } from "@/lib/services/hosts/bulk-host-selection";
import { checkHosts, type CheckedHost } from "@/lib/services/hosts/check-hosts";
import { syncHostNames } from "@/lib/services/hosts/host-names";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

export interface BulkEditOptions extends WriteOptions {
  /** Preview: the same selection, diff and host rules, nothing written. */
  dryRun?: boolean;
}

/** Fields whose change alters a host's DNS names (its host_names rows). */
const NAME_FIELDS = ["hostname", "cname", "allow_duplicate_name"] as const;
/** Failing hosts named in a refusal's details (the message names the first few). */
const LISTED_FAILURES = 100;

/**
 * Sets the same fields on many hosts (explicit ids, or a filter with its
 * expected count: bulk-host-selection.ts), all or nothing. Hosts already at
 * the new values are left alone (no write, no change record). Every changed
 * host passes checkHosts — the rules of every other host write — as one
 * batch; any refusal (409/422) names the failing hosts and changes nothing.
 * Written in one transaction, so the change log records one update per host
 * under the request. `dryRun` answers the same without writing (and without
 * taking the write lock: reads only).
 */
export async function bulkEditHosts(actor: Actor, input: BulkHostEdit, options: BulkEditOptions = {}): Promise<BulkEditOut> {
  authorize(actor, "editor");
  if (options.dryRun) return plan(options.tx ?? (getDb() as unknown as Tx), input, true);
  return inWriteTransaction(actor, options.tx, async (tx) => {
    const result = await plan(tx, input, false);
    const ids = result.hosts.map((h) => h.id);
    if (ids.length) {
      // The same values on every changed host; address and network stay, so no derived column moves.
      await tx.host.updateMany({ where: { id: { in: ids } }, data: columnsOf(input.set) });
      if (NAME_FIELDS.some((f) => input.set[f] !== undefined)) await syncHostNames(tx, ids);
    }
    return result;
  });
}

async function plan(tx: Tx, input: BulkHostEdit, dryRun: boolean): Promise<BulkEditOut> {
  const rows = await selectHosts(tx, input.select);
  const edits = rows.map((row) => editOf(row, input.set)).filter((e) => Object.keys(e.changes).length > 0);
  if (edits.length) assertEditsValid(await checkHosts(tx, edits.map((e) => ({ ...e, self: e.row }))));
  return { dry_run: dryRun, matched: rows.length, changed: edits.length, unchanged: rows.length - edits.length, hosts: edits.map(editOut) };
}

/** All or nothing: the first failing host's code (409 or 422), every failing host in `details.hosts`. */
function assertEditsValid(checked: Array<HostEdit & CheckedHost>): void {
  const failing = checked.filter((c) => c.errors.length > 0);
  if (failing.length === 0) return;
  const hosts = failing.slice(0, LISTED_FAILURES).map((c) => ({ id: c.row.id, ip_address: c.row.ipAddress, errors: c.errors.map((e) => e.message) }));
  const named = hosts.slice(0, 3).map((h) => `${h.ip_address}: ${h.errors[0]}`).join("; ");
  const more = failing.length > 3 ? `; and ${failing.length - 3} more` : "";
  const noun = `${failing.length} of ${checked.length} host${checked.length === 1 ? "" : "s"}`;
  throw new AppError(failing[0].errors[0].code, `Nothing was changed: ${noun} would break a host rule — ${named}${more}`, {
    hosts, failed_count: failing.length,
  });
}

/** The Prisma columns of the fields being set. */
function columnsOf(set: BulkHostFields) {
  return {
    status: set.status, description: set.description, discoverySource: set.discovery_source, allowDuplicateName: set.allow_duplicate_name,
    hostname: set.hostname, cname: set.cname, macAddress: set.mac_address, lastSeen: set.last_seen,
  };
}
