import "server-only";
import { randomUUID } from "node:crypto";
import { TRACKED_TABLES, type TrackedTableName } from "@/lib/db/change-tracked-tables";
import type { RestoreTarget } from "@/lib/db/raw/backup";
import { orderTables } from "@/lib/services/backup/order-tables";
import { capturedUserEmails } from "@/lib/services/changes/build-changes";
import { currentChangeContext, type ChangeContext } from "@/lib/services/changes/change-context";
import { changeStamp, stampedChangeRecordRows, type ChangeAuthor } from "@/lib/services/changes/record-changes";

// A restore writes on its own connection (lib/db/raw/backup-*.ts), outside
// inWriteTransaction, so it records its own changes: one `create` per
// restored network, host, user and token, source "restore", one request id,
// in the restore's transaction. Its rows went in with the capture triggers
// off, so the records come from the tables: networks' and hosts' from one
// INSERT … SELECT each, their snapshots built by the database from the rows'
// columns with the SQL an import's creates use (change-log-bulk.ts); users'
// and tokens' (few) in pages of the images their insert trigger would have
// captured, through the JS recorder. The restored change_log (the backup's history) comes first;
// these records follow it.

const PAGE = 5000;

export async function recordRestoredChanges(target: RestoreTarget, author: ChangeAuthor): Promise<void> {
  const outer = currentChangeContext();
  const context: ChangeContext = { requestId: outer?.requestId ?? randomUUID(), source: "restore", message: outer?.message ?? null };
  // Parents first: users come before their tokens, so a token's owner is a user already seen.
  const tracked = orderTables(target.tables).map((t) => t.name).filter((name): name is TrackedTableName => name in TRACKED_TABLES);
  const emails = new Map<number, string>();
  // On PostgreSQL the server inserts one page's records and reads the next
  // page while this process builds the records of the page in hand (the
  // client sends its queries in order); on SQLite every call is synchronous.
  let inserting: Promise<void> = Promise.resolve();
  // One stamp (time, author, request id) on every record of the restore, whichever path writes it.
  const stamp = changeStamp(author, context);
  for (const table of tracked) {
    if (table === "hosts" || table === "networks") {
      // Built by the database, as an import's creates are: no row passes through this process.
      await inserting;
      await target.insertRestoredCreates(table, stamp);
      continue;
    }
    let nextPage = target.restoredPage(table, 0, PAGE);
    for (;;) {
      const page = await nextPage;
      if (page.length === 0) break;
      nextPage = target.restoredPage(table, page[page.length - 1].id, PAGE);
      nextPage.catch(() => {}); // awaited above on the next turn; an early exit must not leave it unhandled
      for (const [id, email] of capturedUserEmails(page)) emails.set(id, email);
      const rows = stampedChangeRecordRows(page, () => stamp, emails);
      await inserting;
      inserting = target.insertChangeRecords(rows);
      inserting.catch(() => {});
    }
  }
  await inserting;
}
