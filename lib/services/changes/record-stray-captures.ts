import "server-only";
import { getDb } from "@/lib/db/client";
import { insertChangeRecords } from "@/lib/db/raw/change-log";
import { takeStrayCaptures } from "@/lib/db/raw/stray-captures";
import { capturedUserEmails, tokenOwnerIds } from "@/lib/services/changes/build-changes";
import { changeRecordRows, DIRECT_WRITE_AUTHOR } from "@/lib/services/changes/record-changes";

// A write made outside the app's transactions (SQL typed into the database
// by hand) is captured by the triggers like any other, but no app
// transaction takes it back on PostgreSQL (its rows carry another
// transaction's id; SQLite's next app write records them). Called at
// start-up (prepareInstance): such writes are recorded as
// DIRECT_WRITE_AUTHOR, the author SQLite's next write gives them.

const PAGE = 5000;

/** Records every stray capture, a page per transaction; returns how many records. */
export async function recordStrayCaptures(): Promise<number> {
  let recorded = 0;
  for (;;) {
    const [taken, records] = await getDb().$transaction(async (tx) => {
      const stray = await takeStrayCaptures(tx, PAGE);
      const emails = capturedUserEmails(stray);
      const unknown = tokenOwnerIds(stray).filter((id) => !emails.has(id));
      if (unknown.length) {
        for (const u of await tx.user.findMany({ where: { id: { in: unknown } }, select: { id: true, email: true } })) emails.set(u.id, u.email);
      }
      const rows = changeRecordRows(stray, DIRECT_WRITE_AUTHOR, undefined, emails);
      await insertChangeRecords(tx, rows);
      return [stray.length, rows.length] as const;
    });
    recorded += records;
    if (taken < PAGE) return recorded;
  }
}
