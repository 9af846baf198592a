import "server-only";
import { randomUUID } from "node:crypto";
import type { RestoreTarget } from "@/lib/db/raw/backup";
import { capturedUserEmails } from "@/lib/services/changes/build-changes";
import { currentChangeContext, type ChangeContext } from "@/lib/services/changes/change-context";
import { changeRecordRows, type ChangeAuthor } from "@/lib/services/changes/record-changes";

// A restore writes on its own connection (lib/db/raw/backup-*.ts), outside
// inWriteTransaction, so it records its own changes: one `create` per
// restored network, host, user and token, source "restore", one request id,
// in the restore's transaction. The triggers captured every inserted row;
// they are read back in pages so a million-host restore never holds them
// all, then discarded. The restored change_log (the backup's history) comes
// first; these records follow it.

const PAGE = 5000;

export async function recordRestoredChanges(target: RestoreTarget, author: ChangeAuthor): Promise<number> {
  const outer = currentChangeContext();
  const context: ChangeContext = { requestId: outer?.requestId ?? randomUUID(), source: "restore", message: outer?.message ?? null };
  // Users come before their tokens (parents first), so a token's owner is a user already seen.
  const emails = new Map<number, string>();
  let recorded = 0;
  // On PostgreSQL the server inserts one page's records and reads the next
  // page while this process builds the records of the page in hand (the
  // client sends its queries in order); on SQLite every call is synchronous.
  let nextPage = target.capturedPage(0, PAGE);
  let inserting: Promise<void> = Promise.resolve();
  for (;;) {
    const page = await nextPage;
    if (page.length === 0) break;
    nextPage = target.capturedPage(page[page.length - 1].id, PAGE);
    nextPage.catch(() => {}); // awaited above on the next turn; an early exit must not leave it unhandled
    for (const [id, email] of capturedUserEmails(page)) emails.set(id, email);
    const rows = changeRecordRows(page, author, context, emails);
    await inserting;
    inserting = target.insertChangeRecords(rows);
    inserting.catch(() => {});
    recorded += rows.length;
  }
  await inserting;
  await target.discardCaptured();
  return recorded;
}
