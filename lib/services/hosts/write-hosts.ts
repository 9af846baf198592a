import "server-only";
import type { Tx } from "@/lib/db/client";
import { insertHosts, insertHostsReturningIds, releaseMacs } from "@/lib/db/raw/bulk-import";
import { deleteHostNames } from "@/lib/db/raw/host-names";
import { isUniqueViolationOf } from "@/lib/db/raw/unique-violation";
import { addFieldError, AppError, validationError, type FieldErrors } from "@/lib/errors";
import type { Host } from "@/lib/generated/prisma/client";
import type { Recreate } from "@/lib/services/write-options";
import { hostColumns, type CheckedHost } from "@/lib/services/hosts/check-hosts";
import { rowsForClaims, writeHostNames } from "@/lib/services/hosts/host-names";

// Writes hosts that passed checkHosts, and their host_names rows, in the
// caller's transaction. New hosts go in as multi-row INSERTs (an import of
// 100,000 rows is a few statements), updates one statement each.

const NAMES_PER_CHUNK = 5000;

/**
 * Race: another process can commit the same address or MAC between our
 * checks and this write. The unique indexes then refuse it: 409, with the
 * driver's error as `cause` so allocateIp can retry its whole search.
 */
function raced(error: unknown): never {
  if (isUniqueViolationOf(error, "hosts")) {
    throw Object.assign(new AppError("conflict", "Another writer stored the same address or MAC at the same time; nothing was written"), { cause: error });
  }
  throw error;
}

/** Writes checked hosts (all must have passed) and their names. `recreate`: the one new host gets this id and created_at (a reverted deletion). */
export async function writeHosts(tx: Tx, items: readonly CheckedHost[], recreate?: Recreate): Promise<void> {
  await write(tx, items, recreate, false);
}

/**
 * writeHosts for a caller that answers with the rows: the stored hosts in the
 * order of `items`, from the statements that wrote them (an update's row, a
 * new host's id by RETURNING), with no read after.
 */
export async function writeHostsAndAnswer(tx: Tx, items: readonly CheckedHost[], recreate?: Recreate): Promise<Host[]> {
  const rows = await write(tx, items, recreate, true);
  return items.map((it) => rows.get(it.key)!);
}

async function write(tx: Tx, items: readonly CheckedHost[], recreate: Recreate | undefined, answer: boolean): Promise<Map<string, Host>> {
  const rows = new Map<string, Host>();
  const updates = items.filter((it) => it.self !== null);
  const updatedIds = updates.map((it) => it.self!.id);
  try {
    if (updates.length) {
      // MACs may move between updated hosts: all of them let go of theirs first.
      await releaseMacs(tx, updatedIds);
      for (const it of updates) rows.set(it.key, await tx.host.update({ where: { id: it.self!.id }, data: hostColumns(it) }));
    }
    const created = items.filter((it) => it.self === null);
    if (recreate) {
      if (created.length !== 1) throw new Error("recreate writes exactly one new host");
      rows.set(created[0].key, await tx.host.create({ data: { ...hostColumns(created[0]), id: recreate.id, createdAt: recreate.createdAt } }));
    } else if (answer) {
      const at = new Date();
      const ids = await insertHostsReturningIds(tx, created, hostColumns, at);
      for (const it of created) rows.set(it.key, { id: ids.get(it.key)!, ...hostColumns(it), createdAt: at, updatedAt: at });
    } else {
      await insertHosts(tx, created, hostColumns);
    }
  } catch (error) {
    raced(error);
  }
  await deleteHostNames(tx, updatedIds);
  // Per chunk, so the name rows of a 100,000-host import never exist all at once.
  for (let i = 0; i < items.length; i += NAMES_PER_CHUNK) {
    await writeHostNames(tx, items.slice(i, i + NAMES_PER_CHUNK).flatMap((it) => rowsForClaims(it.key, it.claims)));
  }
  return rows;
}

/** One item: its first broken rule as thrown (409 or 422 as that rule says). */
export function assertHostValid(checked: CheckedHost): void {
  if (checked.errors.length) throw checked.errors[0];
}

/** A batch: all or nothing, 422 with every item's messages under "<index>.<field>". */
export function assertHostsValid(checked: readonly CheckedHost[]): void {
  const errors: FieldErrors = {};
  checked.forEach((c, i) => {
    for (const error of c.errors) {
      const fields = Object.entries(error.details ?? {}).filter(([, v]) => Array.isArray(v)) as Array<[string, string[]]>;
      for (const [field, messages] of fields.length ? fields : [["_", [error.message]] as [string, string[]]]) {
        addFieldError(errors, field === "_" ? String(i) : `${i}.${field}`, ...messages);
      }
    }
  });
  if (Object.keys(errors).length) throw validationError(errors);
}
