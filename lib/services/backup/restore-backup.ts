import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { openRestoreTarget, type PortableRow, type PortableValue, type RestoreTarget, type TableShape } from "@/lib/db/raw/backup";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupHeaderSchema, backupLineSchema, backupTrailerSchema,
  type BackupHeader, type BackupTable,
} from "@/lib/services/backup/backup-format";
import { orderTables } from "@/lib/services/backup/order-tables";
import { recordRestoredChanges } from "@/lib/services/backup/record-restored-changes";

// Loads a backup file (backup-format.ts) into a database of either engine
// in ONE write transaction: every line is checked as it streams by, rows go
// in batches, and only when the trailer's row count and sha256 and the
// header's per-table counts all match is anything committed. Ids are kept
// (relations and token ids survive); a row referencing a later row of its
// own table (a network whose parent was created after it) is inserted with
// that reference empty and patched once its table is complete. The count and
// capture triggers are off while the rows go in: the counts are then rebuilt
// from the hosts, and every restored object is recorded in the change log
// from the tables (record-restored-changes.ts).

const BATCH_ROWS = 2000;

export interface RestoreOptions {
  /** Replace whatever the database holds (default: refuse a non-empty database). */
  force?: boolean;
  /** Another database than the app's (tests, the engine-to-engine path). */
  url?: string;
}

export interface RestoreSummary {
  header: BackupHeader;
  rows: number;
}

const bad = (line: number, message: string) => new AppError("validation_error", `Backup line ${line}: ${message}`, { line });

function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw bad(line, "not a JSON value");
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, line: number): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw bad(line, `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
}

function parseHeader(text: string | undefined): BackupHeader {
  if (text === undefined) throw bad(1, "the file is empty");
  const value = parseJson(text, 1) as Record<string, unknown> | null;
  if (value?.format !== BACKUP_FORMAT) throw bad(1, `not an ${BACKUP_FORMAT} file (no header)`);
  if (typeof value.version === "number" && value.version > BACKUP_FORMAT_VERSION) {
    throw bad(1, `backup format version ${value.version} is newer than this app reads (${BACKUP_FORMAT_VERSION}); restore with a newer app`);
  }
  return parseWith(backupHeaderSchema, value, 1);
}

/** The backup's tables, each matched to this database's table of the same name and shape. */
function matchTables(header: BackupHeader, target: RestoreTarget): Array<{ file: BackupTable; table: TableShape }> {
  if (header.migration !== target.latestMigration) {
    throw new AppError("conflict",
      `The backup was written at schema migration ${header.migration ?? "(none)"} (app ${header.app_version}); this database is at ${target.latestMigration ?? "(none)"}. ` +
      "Restore with the app version that wrote it, then upgrade.");
  }
  const byName = new Map(target.tables.map((t) => [t.name, t]));
  const missing = target.tables.filter((t) => !header.tables.some((f) => f.name === t.name)).map((t) => t.name);
  if (missing.length) throw bad(1, `the backup has no table ${missing.join(", ")}`);
  return header.tables.map((file) => {
    const table = byName.get(file.name);
    if (!table) throw bad(1, `this database has no table ${file.name}`);
    if (table.primaryKey !== file.primary_key) throw bad(1, `${file.name}'s primary key is ${table.primaryKey} here, ${file.primary_key} in the backup`);
    for (const column of file.columns) {
      const here = table.columns.find((c) => c.name === column.name);
      if (here?.type !== column.type) throw bad(1, `column ${file.name}.${column.name} is ${here ? here.type : "missing"} here, ${column.type} in the backup`);
    }
    return { file, table };
  });
}

/** Loads the lines of a backup (without their "\n") into the database: all or nothing. `actor` null: the admin CLI. */
export async function restoreBackup(actor: Actor | null, lines: AsyncIterable<string>, options: RestoreOptions = {}): Promise<RestoreSummary> {
  if (actor) authorize(actor, "admin");
  const iterator = lines[Symbol.asyncIterator]();
  const header = parseHeader((await iterator.next()).value);
  const target = await openRestoreTarget(options.url ?? loadEnv().DATABASE_URL);
  try {
    const tables = matchTables(header, target);
    const full = [];
    for (const t of target.tables) if (!(await target.isEmpty(t))) full.push(t.name);
    if (full.length && !options.force) {
      throw new AppError("conflict", `The database is not empty (${full.join(", ")} hold rows): restore into an empty database, or pass --force to replace everything in it`);
    }
    // Counts and change records are rebuilt in bulk once every row is in
    // (a trigger per row was most of a million-host restore's time).
    await target.suspendTriggers();
    if (full.length) {
      await target.clear(orderTables(target.tables).reverse());
      // The replaced database's history goes with it (change_log is restored from the file).
      await target.discardCaptured();
    }
    const rows = await loadRows(iterator, tables, target);
    await target.rebuildDerived();
    await recordRestoredChanges(target, actor);
    await target.commit();
    return { header, rows };
  } catch (error) {
    await target.rollback().catch(() => {});
    throw error;
  } finally {
    await iterator.return?.();
  }
}

/** Data lines, then the trailer; returns the number of rows. Throws naming the first bad line. */
async function loadRows(iterator: AsyncIterator<string>, tables: Array<{ file: BackupTable; table: TableShape }>, target: RestoreTarget): Promise<number> {
  const hash = createHash("sha256");
  const counts = new Array<number>(tables.length).fill(0);
  let current = 0;
  let lineNo = 1;
  let rows = 0;
  let batch: PortableRow[] = [];
  let batchStart = 0;
  let batchEnd = 0;
  let deferred: PortableRow[] = [];
  /** The previous row's primary key in this table: rows come in key order (a self reference to a larger key is a row not yet inserted). */
  let lastKey: PortableValue = null;
  let schema = tables.length ? backupLineSchema(tables[0].file) : undefined;
  const selfColumns = (i: number) => tables[i].table.references.filter((r) => r.table === tables[i].table.name).map((r) => r.column);
  let selfRefs = tables.length ? selfColumns(0) : [];

  // One batch is written while the next is read and checked: at most one
  // insert in flight, awaited before the next is sent (and before commit).
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!batch.length) return;
    const { file, table } = tables[current];
    const [rowsOut, first, last] = [batch, batchStart, batchEnd];
    batch = [];
    await inFlight;
    inFlight = target.insert(table, file.columns.map((c) => c.name), rowsOut).catch((error: Error) => {
      throw new AppError("validation_error", `Backup lines ${first}–${last} (${table.name}): ${error.message}`, { line: first });
    });
    // Handled where it is awaited; this only keeps an early exit from leaving it unhandled.
    inFlight.catch(() => {});
  };
  const finishTable = async () => {
    await flush();
    await inFlight;
    const { table } = tables[current];
    for (const column of selfRefs) {
      const rowsOf = deferred.filter((r) => r[column] !== undefined).map((r) => ({ [table.primaryKey]: r[table.primaryKey], [column]: r[column] }));
      for (let i = 0; i < rowsOf.length; i += BATCH_ROWS) await target.setColumn(table, column, rowsOf.slice(i, i + BATCH_ROWS));
    }
    deferred = [];
  };

  for (;;) {
    const { value: text, done } = await iterator.next();
    lineNo++;
    if (done) throw bad(lineNo - 1, "the file ends without its trailer line: the backup is incomplete");
    const value = parseJson(text, lineNo) as Record<string, unknown> | null;
    if (value && typeof value === "object" && "end" in value) {
      const trailer = parseWith(backupTrailerSchema, value, lineNo);
      if (current < tables.length) await finishTable();
      if (!(await iterator.next()).done) throw bad(lineNo + 1, "text after the trailer line");
      if (trailer.rows !== rows) throw bad(lineNo, `the trailer counts ${trailer.rows} rows, the file holds ${rows}`);
      if (trailer.sha256 !== hash.digest("hex")) throw bad(lineNo, "the sha256 of the rows does not match the trailer: the file was changed or damaged");
      tables.forEach(({ file }, i) => {
        if (counts[i] !== file.count) throw bad(1, `the header counts ${file.count} ${file.name} rows, the file holds ${counts[i]}`);
      });
      return rows;
    }
    const name = (value as { table?: unknown } | null)?.table;
    if (typeof name !== "string" || !tables.some((t) => t.file.name === name)) throw bad(lineNo, `no table ${JSON.stringify(name)} in the header`);
    if (name !== tables[current]?.file.name) {
      const next = tables.findIndex((t, i) => i > current && t.file.name === name);
      if (next < 0) throw bad(lineNo, `a ${name} row after the ${tables[current]?.file.name ?? "last"} rows: rows must come table by table, parents first`);
      await finishTable();
      current = next;
      lastKey = null;
      schema = backupLineSchema(tables[current].file);
      selfRefs = selfColumns(current);
    }
    const { row } = parseWith(schema!, value, lineNo) as { row: PortableRow };
    hash.update(`${text}\n`);
    const pk = tables[current].table.primaryKey;
    if (lastKey !== null && !(row[pk]! > lastKey)) throw bad(lineNo, `${name} rows must come in ${pk} order, each once (${JSON.stringify(row[pk])} after ${JSON.stringify(lastKey)})`);
    lastKey = row[pk];
    for (const column of selfRefs) {
      // Rows come in key order: a reference to a larger key is to a row not inserted yet.
      if (row[column] !== null && row[column]! > row[pk]!) {
        deferred.push({ [pk]: row[pk], [column]: row[column] });
        row[column] = null;
      }
    }
    if (!batch.length) batchStart = lineNo;
    batchEnd = lineNo;
    batch.push(row);
    counts[current]++;
    rows++;
    if (batch.length >= BATCH_ROWS) await flush();
  }
}

/** The lines of a file, streamed (constant memory whatever its size). */
export function fileLines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
}

/** Restores the backup file `file`; see restoreBackup. */
export function restoreBackupFile(actor: Actor | null, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  return restoreBackup(actor, fileLines(file), options);
}
