import "server-only";
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { dropSqliteChangeTriggers, installSqliteChangeTriggers, sqliteImageSelect } from "@/lib/db/change-triggers";
import type { TrackedTableName } from "@/lib/db/change-tracked-tables";
import { dropSqliteCountTriggers, installSqliteCountTriggers } from "@/lib/db/count-triggers";
import { sqlitePath } from "@/lib/env";
import {
  capturedRow, changeLogColumns, changeRecordCells, isoTimestamp, portableType, quoteIdentifier, rowConverter,
  type BackupSnapshot, type ColumnType, type PortableRow, type PortableValue, type RestoreTarget, type TableShape,
} from "./backup-values";
import { INSTANCE_STATE_TABLES } from "./backup-instance-state";
import { restoredCreatesParams, restoredCreatesSql } from "./change-log-bulk";
import { RECOUNT_SQL } from "./network-counts";

// SQLite side of backup and restore, on a better-sqlite3 connection of its
// own. The database is in WAL mode (lib/db/migrate), so the backup's read
// transaction sees one snapshot while the app keeps committing, and the
// restore's BEGIN IMMEDIATE holds the one write lock from the emptiness
// check to the commit.

const EXCLUDED = new Set<string>(["_prisma_migrations", ...INSTANCE_STATE_TABLES]);

interface ColumnInfo { name: string; type: string; notnull: number; pk: number }
interface ForeignKeyInfo { table: string; from: string }

function describeTables(db: Database.Database): TableShape[] {
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return names.filter((name) => !EXCLUDED.has(name)).map((name) => {
    // Columns by name, not position: a column added later sits last on PostgreSQL
    // (ALTER … ADD COLUMN) but where the model puts it on SQLite (table rebuild),
    // and a backup must be the same bytes whichever engine wrote it.
    const info = db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY name`).all(name) as ColumnInfo[];
    const keys = info.filter((c) => c.pk > 0);
    if (keys.length !== 1) throw new Error(`Table ${name} has no single-column primary key; the backup pages rows by one`);
    const fks = db.prepare(`SELECT "table", "from" FROM pragma_foreign_key_list(?)`).all(name) as ForeignKeyInfo[];
    return {
      name,
      primaryKey: keys[0].name,
      // An INTEGER PRIMARY KEY is the rowid: never null, whatever its declaration says.
      columns: info.map((c) => ({ name: c.name, type: portableType(name, c.name, c.type), nullable: c.notnull === 0 && c.pk === 0 })),
      references: fks.map((fk) => ({ column: fk.from, table: fk.table })),
    };
  });
}

function latestMigration(db: Database.Database): string | null {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
  if (!exists) return null;
  return (db.prepare(`SELECT MAX(migration_name) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).pluck().get() as string | null) ?? null;
}

const fromSqlite = (type: ColumnType, value: unknown): PortableValue => {
  if (type === "datetime") return isoTimestamp(value as string | number);
  if (type === "bool") return value === 1 || value === 1n || value === true;
  if (type === "bigint") return String(value);
  return typeof value === "bigint" ? Number(value) : (value as PortableValue);
};

const toSqlite = (type: ColumnType, value: PortableValue): unknown => {
  if (value === null) return null;
  // Prisma's SQLite adapter writes and reads timestamps as "…+00:00" text.
  if (type === "datetime") return (value as string).replace(/Z$/, "+00:00");
  if (type === "bool") return value ? 1 : 0;
  if (type === "bigint") return BigInt(value as string);
  return value;
};

/** A change record's time as Prisma's SQLite adapter stores a DateTime. */
const storedTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

const columnList = (columns: string[]) => columns.map(quoteIdentifier).join(", ");

export async function sqliteSnapshot(url: string): Promise<BackupSnapshot> {
  const db = new Database(sqlitePath(url), { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    // Deferred BEGIN: the snapshot is taken by the first read below and
    // holds until close(); writers on other connections are not blocked.
    db.exec("BEGIN");
    const tables = describeTables(db);
    const migration = latestMigration(db);
    const pages = new Map<string, { first: Database.Statement; next: Database.Statement; convert: (row: Record<string, unknown>) => PortableRow }>();
    const pageStatements = (table: TableShape) => {
      let stmts = pages.get(table.name);
      if (!stmts) {
        const cols = columnList(table.columns.map((c) => c.name));
        const pk = quoteIdentifier(table.primaryKey);
        const t = quoteIdentifier(table.name);
        const bigints = table.columns.some((c) => c.type === "bigint");
        stmts = {
          first: db.prepare(`SELECT ${cols} FROM ${t} ORDER BY ${pk} LIMIT ?`).safeIntegers(bigints),
          next: db.prepare(`SELECT ${cols} FROM ${t} WHERE ${pk} > ? ORDER BY ${pk} LIMIT ?`).safeIntegers(bigints),
          convert: rowConverter(table.columns, fromSqlite),
        };
        pages.set(table.name, stmts);
      }
      return stmts;
    };
    return {
      tables,
      latestMigration: migration,
      async count(table) {
        return Number(db.prepare(`SELECT COUNT(*) FROM ${quoteIdentifier(table.name)}`).pluck().get());
      },
      async page(table, after, limit) {
        const { first, next, convert } = pageStatements(table);
        const rows = (after === undefined ? first.all(limit) : next.all(after, limit)) as Record<string, unknown>[];
        return rows.map(convert);
      },
      async close() {
        if (db.open) {
          if (db.inTransaction) db.exec("COMMIT");
          db.close();
        }
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The restore target with its rows' cells in column order: the form a batch crosses to the restore's thread in (sqlite-restore-thread.ts). */
export interface SqliteRestoreTarget extends RestoreTarget {
  insertCells(table: TableShape, columns: string[], cells: PortableValue[][]): Promise<void>;
}

export async function sqliteTarget(url: string): Promise<SqliteRestoreTarget> {
  const db = new Database(sqlitePath(url), { fileMustExist: true, timeout: 10_000 });
  try {
    db.pragma("foreign_keys = ON");
    // A million rows update seven indexes of hosts: 64 MB of page cache
    // instead of the default 2 MB keeps them from being re-read from disk.
    db.pragma("cache_size = -65536");
    // A statement that fires triggers keeps a statement journal, which spills
    // to a temporary file past 64 KiB: one file created and deleted per insert
    // of a host (3x the insert's time, measured). In memory it costs a few pages.
    db.pragma("temp_store = MEMORY");
    db.exec("BEGIN IMMEDIATE");
    const tables = describeTables(db);
    // A restore signs everyone out and resets the rate limits (in its transaction: a failed restore keeps them).
    for (const name of INSTANCE_STATE_TABLES) {
      if (db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)) db.exec(`DELETE FROM ${quoteIdentifier(name)}`);
    }
    const hasSequences = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined;
    const typeOf = (table: TableShape, column: string) => table.columns.find((c) => c.name === column)!.type;
    let insertRecord: Database.Statement | undefined;
    const imageSelects: Partial<Record<TrackedTableName, Database.Statement>> = {};
    const finish = (sql: string) => {
      if (db.open) {
        if (db.inTransaction) db.exec(sql);
        db.close();
      }
    };
    const target: SqliteRestoreTarget = {
      tables,
      latestMigration: latestMigration(db),
      async isEmpty(table) {
        return db.prepare(`SELECT 1 FROM ${quoteIdentifier(table.name)} LIMIT 1`).get() === undefined;
      },
      async clear(list) {
        // Children first, so no delete waits on a foreign key.
        for (const table of list) db.exec(`DELETE FROM ${quoteIdentifier(table.name)}`);
        if (hasSequences) {
          const forget = db.prepare(`DELETE FROM sqlite_sequence WHERE name = ?`);
          for (const table of list) forget.run(table.name);
        }
      },
      async insert(table, columns, rows) {
        await target.insertCells(table, columns, rows.map((row) => columns.map((c) => row[c] ?? null)));
      },
      async insertCells(table, columns, cells) {
        const types = columns.map((c) => typeOf(table, c));
        const stmt = db.prepare(`INSERT INTO ${quoteIdentifier(table.name)} (${columnList(columns)}) VALUES (${columns.map(() => "?").join(", ")})`);
        for (const row of cells) stmt.run(row.map((value, i) => toSqlite(types[i], value)));
      },
      async setColumn(table, column, rows) {
        const stmt = db.prepare(`UPDATE ${quoteIdentifier(table.name)} SET ${quoteIdentifier(column)} = ? WHERE ${quoteIdentifier(table.primaryKey)} = ?`);
        const type = typeOf(table, column);
        const keyType = typeOf(table, table.primaryKey);
        for (const row of rows) stmt.run(toSqlite(type, row[column]), toSqlite(keyType, row[table.primaryKey]));
      },
      // Dropped in this transaction and created again before it commits (or
      // back with the rollback): no other connection ever sees them missing.
      async suspendTriggers() {
        dropSqliteChangeTriggers(db);
        dropSqliteCountTriggers(db);
      },
      async rebuildDerived() {
        for (const sql of [...RECOUNT_SQL.networkCounts, ...RECOUNT_SQL.hostBlocks]) db.exec(sql);
        installSqliteChangeTriggers(db);
        installSqliteCountTriggers(db);
      },
      // BEGIN IMMEDIATE: no other writer since the start, so every capture is this restore's.
      // Without triggers on change_capture, an unqualified DELETE empties it at once.
      async discardCaptured() {
        db.exec(`DELETE FROM change_capture`);
      },
      async restoredPage(table, after, limit) {
        const select = (imageSelects[table] ??= db.prepare(sqliteImageSelect(db, table)));
        const rows = select.all(after, limit) as Array<{ id: number; new_row: string }>;
        return rows.map((r) => capturedRow({ id: r.id, table_name: table, row_id: r.id, op: "I", new_row: r.new_row }));
      },
      async insertChangeRecords(records) {
        // change_log is AUTOINCREMENT: new ids follow the largest restored one.
        // One prepared statement, values as stored (a million records: no portable rows in between).
        insertRecord ??= db.prepare(`INSERT INTO change_log (${columnList(changeLogColumns)}) VALUES (${changeLogColumns.map(() => "?").join(", ")})`);
        for (const record of records) insertRecord.run(changeRecordCells(record, storedTime));
      },
      async insertRestoredCreates(table, stamp) {
        db.prepare(restoredCreatesSql(false, table)).run(restoredCreatesParams(stamp, storedTime));
      },
      // AUTOINCREMENT tables: inserting an explicit id already moved sqlite_sequence past it.
      async commit() {
        finish("COMMIT");
      },
      async rollback() {
        finish("ROLLBACK");
      },
    };
    return target;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
    throw error;
  }
}

/** `VACUUM INTO`: one read transaction writes a compact, consistent copy of the whole file. */
export function vacuumSqliteInto(url: string, destination: string): void {
  if (existsSync(destination)) throw new Error(`${destination} already exists; the copy never overwrites a file`);
  const db = new Database(sqlitePath(url), { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    db.prepare("VACUUM INTO ?").run(destination);
  } finally {
    db.close();
  }
}
