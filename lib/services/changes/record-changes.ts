import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { TRACKED_TABLES, type TrackedTableName } from "@/lib/db/change-tracked-tables";
import {
  captureMark, capturedRowsAfter, capturedRowsById, capturedRowsOf, clearCapturedRows, countCapturedRows, insertChangeRecords, recapturedObjects,
  takeCapturedRows, type CapturedRow, type ChangeRecordRow, type RecapturedObject,
} from "@/lib/db/raw/change-log";
import { capturesForJs, insertCreatedOnceRecords, nextCaptureForJs, type BulkScope, type RecordStamp } from "@/lib/db/raw/change-log-bulk";
import { buildChanges, capturedUserEmails, changesOf, tokenOwnerIds, type MergedCapture, type ObjectChange } from "@/lib/services/changes/build-changes";
import { currentChangeContext, type ChangeContext } from "@/lib/services/changes/change-context";

// THE one place change records are written: called at the end of every
// write transaction (inWriteTransaction, the importer's transaction, a
// restore) with whoever made it. It reads what the triggers captured in
// this transaction, so a write is recorded whichever code path made it.

/**
 * Who made a change: a signed-in user, an API token, the app itself on
 * someone's behalf (`{ kind: "system", name: "single sign-on" }`), or null
 * for the admin CLI and a restore.
 */
export type ChangeAuthor = Actor | { kind: "system"; name: string } | null;

function actorColumns(author: ChangeAuthor, context: ChangeContext) {
  if (!author) return { actorKind: "system", actorId: null, actorName: context.source === "restore" ? "restore" : "admin CLI" };
  if (author.kind === "system") return { actorKind: "system", actorId: null, actorName: author.name };
  return { actorKind: author.kind, actorId: author.id, actorName: author.name };
}

/** A write made outside the app's transactions (SQL typed into the database by hand) is recorded too, as this. */
export const DIRECT_WRITE_AUTHOR: ChangeAuthor = { kind: "system", name: "direct database write" };

export interface ChangeRecorder {
  /** Writes the change records of this transaction's captured rows, as `author`; returns how many. */
  record(author: ChangeAuthor, context?: ChangeContext): Promise<number>;
  /**
   * The same for a transaction made for several callers (a batch of
   * allocations): each captured row is recorded as the first group that
   * `owns` it, a row no group owns as the first group. At most IN_ONE_GO
   * captured rows (a batch caps its size below it).
   */
  recordGroups(groups: readonly ChangeGroup[]): Promise<number>;
}

/** One caller's share of a transaction: who, in which request, and which captured rows are theirs. */
export interface ChangeGroup {
  author: ChangeAuthor;
  context: ChangeContext | undefined;
  owns(table: string, rowId: number): boolean;
}

// Up to this many captured rows are taken back and built in one go (every
// write but an import); above it, in capture order: the hosts and networks
// created and captured only once (an import's rows) in SQL
// (lib/db/raw/change-log-bulk.ts), every other capture by the JS path,
// BATCH rows at a time (an import of 100,000 hosts would otherwise hold
// every image, snapshot and record at once: peak RSS 856 MB). Small batches
// let more of each batch's garbage die young instead of piling up in V8's
// old space.
const IN_ONE_GO = 2000;
const BATCH = 100;

export interface RecordingOptions {
  /** More captures than this are recorded in bulk (default 2,000; a test lowers it to compare both paths). */
  inOneGoUpTo?: number;
}

/** Call first in a write transaction that records its own changes (inWriteTransaction, the importer). */
export async function startRecordingChanges(tx: Tx, options: RecordingOptions = {}): Promise<ChangeRecorder> {
  const mark = await captureMark(tx);
  return {
    async record(author, context = currentChangeContext()) {
      const captured = await takeCapturedRows(tx, options.inOneGoUpTo ?? IN_ONE_GO);
      // Nothing taken: nothing captured (a write that changed only derived columns), or too much for one go.
      if (captured.length === 0) return (await countCapturedRows(tx)) ? recordInBulk(tx, mark, author, context) : 0;
      const stray = captured.filter((r) => r.id <= mark);
      const own = stray.length ? captured.filter((r) => r.id > mark) : captured;
      const emails = await ownerEmails(tx, captured);
      const rows = [
        ...changeRecordRows(stray, DIRECT_WRITE_AUTHOR, strayContext(), emails),
        ...changeRecordRows(own, author, context, emails),
      ];
      await insertChangeRecords(tx, rows);
      return rows.length;
    },
    async recordGroups(groups) {
      const captured = await takeCapturedRows(tx, options.inOneGoUpTo ?? IN_ONE_GO);
      if (captured.length === 0) {
        if (!(await countCapturedRows(tx))) return 0;
        // More than one go takes: a large write made outside the app left its captures (a batch
        // stays below the limit). Alone, this is record()'s bulk path; a batch of several callers
        // fails, and allocateIp then runs each of its calls alone (the first records the strays).
        if (groups.length === 1) return recordInBulk(tx, mark, groups[0].author, groups[0].context);
        throw new Error("recordGroups: more captured rows than one go records");
      }
      const emails = await ownerEmails(tx, captured);
      const shares = groups.map(() => [] as CapturedRow[]);
      const stray: CapturedRow[] = [];
      for (const r of captured) {
        if (r.id <= mark) stray.push(r);
        else shares[Math.max(0, groups.findIndex((g) => g.owns(r.table_name, r.row_id)))].push(r);
      }
      const rows = [
        ...changeRecordRows(stray, DIRECT_WRITE_AUTHOR, strayContext(), emails),
        ...groups.flatMap((g, i) => changeRecordRows(shares[i], g.author, g.context, emails)),
      ];
      await insertChangeRecords(tx, rows);
      return rows.length;
    },
  };
}

/** Rows captured before the transaction began come from a write outside the app: one request of their own. */
const strayContext = (): ChangeContext => ({ requestId: randomUUID(), source: "cli", message: null });

/** Emails of the owners of captured tokens: from the captured user rows, else from the users table. */
async function ownerEmails(tx: Tx, captured: readonly CapturedRow[]): Promise<Map<number, string>> {
  const emails = capturedUserEmails(captured);
  const unknown = tokenOwnerIds(captured).filter((id) => !emails.has(id));
  if (unknown.length) {
    for (const u of await tx.user.findMany({ where: { id: { in: unknown } }, select: { id: true, email: true } })) emails.set(u.id, u.email);
  }
  return emails;
}

/**
 * The records of a large transaction, the same as changeRecordRows would
 * make of all its captures at once, in the same order (an object's place is
 * its first capture; captureMark's strays come first, having the lower ids).
 */
async function recordInBulk(tx: Tx, mark: number, author: ChangeAuthor, context: ChangeContext | undefined): Promise<number> {
  const people = await capturedRowsOf(tx, ["users", "api_tokens"]);
  const emails = await ownerEmails(tx, people);
  const group = (own: boolean) => {
    const known = new Map([...emails, ...capturedUserEmails(people.filter((r) => (r.id > mark) === own))]);
    return {
      lookups: { ownerEmail: (id: number) => known.get(id) ?? null },
      stamp: own ? recordStamp(author, context) : recordStamp(DIRECT_WRITE_AUTHOR, strayContext()),
    };
  };
  const groups = [group(false), group(true)];
  const recaptured = await recapturedObjects(tx, mark);
  const repeated = new Map(recaptured.map((o) => [objectKey(o.own, o.table_name, o.row_id), o]));
  const recordByJs = async (rows: readonly CapturedRow[], own: boolean) => {
    const merged = await mergedCaptures(tx, rows, repeated, own);
    const changes = changesOf(merged, groups[Number(own)].lookups);
    if (changes.length === 0) return 0;
    const records = recordRowsOf(changes, groups[Number(own)].stamp());
    await insertChangeRecords(tx, records);
    return records.length;
  };
  let written = 0;
  // Strays (SQLite: captured before the mark): all by the JS path.
  for (let after = 0; after < mark; ) {
    const rows = (await capturedRowsAfter(tx, after, BATCH)).filter((r) => r.id <= mark);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    written += await recordByJs(rows, false);
  }
  // This transaction's: runs of captures created once (SQL) and the rest (JS), in turn.
  const recapturedIds = (table: string) => recaptured.filter((o) => o.own && o.table_name === table).map((o) => o.row_id);
  const scope: BulkScope = { recaptured: { hosts: recapturedIds("hosts"), networks: recapturedIds("networks") } };
  for (let cursor = mark; ; ) {
    const next = await nextCaptureForJs(tx, scope, cursor);
    if (next !== cursor + 1) written += await insertCreatedOnceRecords(tx, scope, cursor, next, groups[1].stamp());
    if (next === null) break;
    const rows = await capturesForJs(tx, scope, next, BATCH);
    cursor = rows[rows.length - 1].id;
    written += await recordByJs(rows, true);
  }
  await clearCapturedRows(tx);
  return written;
}

const objectKey = (own: boolean, table: string, rowId: number) => `${own ? 1 : 0}:${table}:${rowId}`;

/**
 * A batch of captures merged per object as buildChanges merges them: an
 * object captured once is its capture; one captured again is merged at its
 * first capture with its last (read here), and skipped at the others.
 */
async function mergedCaptures(tx: Tx, rows: readonly CapturedRow[], repeated: ReadonlyMap<string, RecapturedObject>, own: boolean): Promise<MergedCapture[]> {
  const merged: MergedCapture[] = [];
  const lastOf = new Map<MergedCapture, number>();
  for (const r of rows) {
    if (!(r.table_name in TRACKED_TABLES)) continue;
    const again = repeated.get(objectKey(own, r.table_name, r.row_id));
    if (again && again.first_id !== r.id) continue;
    const m: MergedCapture = {
      table: r.table_name as TrackedTableName, id: r.row_id, before: r.old_row, after: r.new_row,
      existedBefore: r.op !== "I", secretChanged: again ? again.secret_changed : r.secret_changed,
    };
    if (again) lastOf.set(m, again.last_id);
    merged.push(m);
  }
  if (lastOf.size) {
    const last = new Map((await capturedRowsById(tx, [...lastOf.values()])).map((r) => [r.id, r]));
    for (const [m, id] of lastOf) m.after = last.get(id)!.new_row;
  }
  return merged;
}


/**
 * Who, when and in which request, the same for every record of one call
 * (decided at its first record: a call without a context gets a fresh
 * request id only when it records something).
 */
/** The author, time, source and request id of records written outside startRecordingChanges (a restore's creates, built by the database). */
export function changeStamp(author: ChangeAuthor, context: ChangeContext | undefined): RecordStamp {
  return recordStamp(author, context)();
}

function recordStamp(author: ChangeAuthor, context: ChangeContext | undefined): () => RecordStamp {
  let stamp: RecordStamp | undefined;
  return () => {
    if (stamp) return stamp;
    const ctx: ChangeContext = context ?? { requestId: randomUUID(), source: author?.kind === "user" || author?.kind === "token" ? "api" : "cli", message: null };
    stamp = { time: new Date(), ...actorColumns(author, ctx), source: ctx.source, requestId: ctx.requestId, message: ctx.message };
    return stamp;
  };
}

function recordRowsOf(changes: readonly ObjectChange[], stamp: RecordStamp): ChangeRecordRow[] {
  return changes.map((c) => ({
    ...stamp, action: c.action, objectType: c.objectType, objectId: c.objectId, objectRepr: c.objectRepr,
    before: c.before ? JSON.stringify(c.before) : null, after: c.after ? JSON.stringify(c.after) : null,
  }));
}

/**
 * The change_log rows for captured row images (pure; a restore, which writes
 * on its own connection, calls this directly). `emails`: the owners of
 * captured tokens that are not among the captured users.
 */
export function changeRecordRows(captured: readonly CapturedRow[], author: ChangeAuthor, context: ChangeContext | undefined, emails = new Map<number, string>()): ChangeRecordRow[] {
  return stampedChangeRecordRows(captured, recordStamp(author, context), emails);
}

/** changeRecordRows stamped by `stamp` (made only when there is a record): pages written apart that must share one stamp pass the same one. */
export function stampedChangeRecordRows(captured: readonly CapturedRow[], stamp: () => RecordStamp, emails = new Map<number, string>()): ChangeRecordRow[] {
  const known = new Map([...emails, ...capturedUserEmails(captured)]);
  const changes = buildChanges(captured, { ownerEmail: (id) => known.get(id) ?? null });
  if (changes.length === 0) return [];
  return recordRowsOf(changes, stamp());
}
