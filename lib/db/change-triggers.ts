import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";
import { TRACKED_TABLES, type TrackedTable, type TrackedTableName } from "@/lib/db/change-tracked-tables";

// The capture half of the change log: triggers on every tracked table write
// each row's old and new image (JSON, column names as stored) into
// change_capture (on PostgreSQL inserts once per statement, see
// PG_INSERT_FUNCTION); recordChanges (lib/services/changes/record-changes.ts)
// turns them into change_log records before the transaction commits.
//
// Installed by the migration runner after the migrations (both engines), not
// by a migration: the SQLite triggers list each table's columns, so a later
// migration that rebuilds a table (SQLite's "RedefineTables") or adds a
// column gets triggers that match it at the next start, with no one having
// to remember them. Unchanged triggers are left alone (no write, no lock).

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

// The triggers' names on SQLite all start so (LIKE pattern): installing and suspending find them by it.
const SQLITE_TRIGGER_NAMES = "change_capture_%";

/** A tracked table's columns in the order its triggers' images list them. */
const sqliteColumnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);

/** A row's captured image on SQLite: JSON of every column but the secret; `row` is OLD, NEW or a table alias. */
const sqliteImage = (spec: TrackedTable, columns: string[], row: string) =>
  `json_object(${columns.filter((c) => c !== spec.secret).map((c) => `'${c}', ${row}.${quote(c)}`).join(", ")})`;

function sqliteTriggerSql(table: TrackedTableName, spec: TrackedTable, columns: string[]): Record<string, string> {
  const kept = columns.filter((c) => c !== spec.secret);
  const image = (row: "OLD" | "NEW") => sqliteImage(spec, columns, row);
  const watched = kept.filter((c) => !spec.derived.includes(c));
  if (spec.secret) watched.push(spec.secret);
  const changed = watched.map((c) => `OLD.${quote(c)} IS NOT NEW.${quote(c)}`).join(" OR ");
  const secretChanged = spec.secret ? `OLD.${quote(spec.secret)} IS NOT NEW.${quote(spec.secret)}` : "0";
  const t = quote(table);
  return {
    [`change_capture_${table}_insert`]:
      `CREATE TRIGGER "change_capture_${table}_insert" AFTER INSERT ON ${t} BEGIN ` +
      `INSERT INTO change_capture (table_name, row_id, op, new_row) VALUES ('${table}', NEW.id, 'I', ${image("NEW")}); END`,
    [`change_capture_${table}_update`]:
      `CREATE TRIGGER "change_capture_${table}_update" AFTER UPDATE ON ${t} WHEN ${changed} BEGIN ` +
      `INSERT INTO change_capture (table_name, row_id, op, old_row, new_row, secret_changed) ` +
      `VALUES ('${table}', NEW.id, 'U', ${image("OLD")}, ${image("NEW")}, ${secretChanged}); END`,
    [`change_capture_${table}_delete`]:
      `CREATE TRIGGER "change_capture_${table}_delete" AFTER DELETE ON ${t} BEGIN ` +
      `INSERT INTO change_capture (table_name, row_id, op, old_row) VALUES ('${table}', OLD.id, 'D', ${image("OLD")}); END`,
  };
}

/** Creates or refreshes the capture triggers on a migrated SQLite database (inside the caller's connection). */
export function installSqliteChangeTriggers(db: Database.Database): void {
  // A database migrated only part of the way (a test's own migrations folder) has nothing to capture into.
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_capture'`).get()) return;
  const existing = new Map(
    (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?`).all(SQLITE_TRIGGER_NAMES) as Array<{ name: string; sql: string }>)
      .map((r) => [r.name, r.sql]),
  );
  const wanted = new Map<string, string>();
  for (const [table, spec] of Object.entries(TRACKED_TABLES) as Array<[TrackedTableName, TrackedTable]>) {
    const columns = sqliteColumnsOf(db, table);
    if (columns.length === 0) continue;
    for (const [name, sql] of Object.entries(sqliteTriggerSql(table, spec, columns))) wanted.set(name, sql);
  }
  const stale = [...existing].filter(([name, sql]) => wanted.get(name) !== sql).map(([name]) => name);
  const missing = [...wanted].filter(([name, sql]) => existing.get(name) !== sql);
  if (stale.length === 0 && missing.length === 0) return;
  db.transaction(() => {
    for (const name of stale) db.exec(`DROP TRIGGER IF EXISTS ${quote(name)}`);
    for (const [, sql] of missing) db.exec(sql);
  }).immediate();
}

/**
 * Drops the capture triggers inside the caller's open transaction, which must
 * put them back (installSqliteChangeTriggers) before it commits: a restore
 * records its rows from the tables instead (sqliteImageSelect).
 */
export function dropSqliteChangeTriggers(db: Database.Database): void {
  if (!db.inTransaction) throw new Error("The capture triggers are dropped only inside a transaction that puts them back");
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?`).pluck().all(SQLITE_TRIGGER_NAMES) as string[];
  for (const name of names) db.exec(`DROP TRIGGER ${quote(name)}`);
}

/** `SELECT id, new_row …` of a tracked table's rows with ids in (?, ∞) in id order, LIMIT ?: each image as its insert trigger captures it. */
export function sqliteImageSelect(db: Database.Database, table: TrackedTableName): string {
  const image = sqliteImage(TRACKED_TABLES[table], sqliteColumnsOf(db, table), "t");
  return `SELECT t."id" AS id, ${image} AS new_row FROM ${quote(table)} t WHERE t."id" > ? ORDER BY t."id" LIMIT ?`;
}

/** A row's captured image on PostgreSQL: to_jsonb minus the secret (`secret`: an SQL text expression), as text. */
const pgImage = (row: string, secret: string) => `(to_jsonb(${row}) - ${secret})::text`;

/** `SELECT id, new_row …` of a tracked table's rows with ids above $1 in id order, LIMIT $2: each image as its insert trigger captures it. */
export function pgImageSelect(table: TrackedTableName): string {
  return `SELECT t.id, ${pgImage("t", `'${TRACKED_TABLES[table].secret ?? ""}'`)} AS new_row FROM ${quote(table)} t WHERE t.id > $1 ORDER BY t.id LIMIT $2`;
}

/** Turns the capture triggers off or on inside the caller's transaction (a restore: on again before it commits). */
export async function setPostgresChangeTriggers(client: pg.Client, enabled: boolean): Promise<void> {
  const action = enabled ? "ENABLE" : "DISABLE";
  for (const table of Object.keys(TRACKED_TABLES)) {
    await client.query(`ALTER TABLE ${quote(table)} ${PG_CAPTURE_TRIGGERS.map((name) => `${action} TRIGGER ${name}`).join(", ")}`);
  }
}

// One function for every table: its arguments are the secret column ('' for
// none) and the derived ones. `txid_current()` tags the rows with their
// transaction, so each transaction takes back only its own.
const PG_FUNCTION = `CREATE OR REPLACE FUNCTION ipam_capture_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  secret text := TG_ARGV[0];
  derived text[] := TG_ARGV[1:TG_NARGS - 1];
  old_row jsonb;
  new_row jsonb;
  secret_changed boolean := false;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' THEN
    secret_changed := (old_row ->> secret) IS DISTINCT FROM (new_row ->> secret);
    IF NOT secret_changed AND (old_row - derived) = (new_row - derived) THEN RETURN NULL; END IF;
  END IF;
  INSERT INTO change_capture (xact, table_name, row_id, op, old_row, new_row, secret_changed)
  VALUES (txid_current(), TG_TABLE_NAME, (COALESCE(new_row, old_row) ->> 'id')::integer, left(TG_OP, 1),
          (old_row - secret)::text, (new_row - secret)::text, secret_changed);
  RETURN NULL;
END
$fn$`;

// Inserts are captured once per statement, from its transition table: an
// import inserts 100 rows per statement, and a PL/pgSQL call per row made its
// captures cost as much as the import itself. Its argument: the secret
// column ('' for none). Rows come out of new_rows in the order inserted.
const PG_INSERT_FUNCTION = `CREATE OR REPLACE FUNCTION ipam_capture_inserts() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO change_capture (xact, table_name, row_id, op, new_row)
  SELECT txid_current(), TG_TABLE_NAME, n.id, 'I', ${pgImage("n", "TG_ARGV[0]")} FROM new_rows n;
  RETURN NULL;
END
$fn$`;

/** The capture triggers' names on every tracked table (PostgreSQL). */
export const PG_CAPTURE_TRIGGERS = ["change_capture", "change_capture_insert"] as const;

function pgTriggerSql(): string[] {
  const statements = [PG_FUNCTION, PG_INSERT_FUNCTION];
  for (const [table, spec] of Object.entries(TRACKED_TABLES) as Array<[TrackedTableName, TrackedTable]>) {
    const args = [spec.secret ?? "", ...spec.derived].map((a) => `'${a}'`).join(", ");
    statements.push(
      ...PG_CAPTURE_TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS ${name} ON ${quote(table)}`),
      `CREATE TRIGGER change_capture AFTER UPDATE OR DELETE ON ${quote(table)} FOR EACH ROW EXECUTE FUNCTION ipam_capture_change(${args})`,
      `CREATE TRIGGER change_capture_insert AFTER INSERT ON ${quote(table)} REFERENCING NEW TABLE AS new_rows ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION ipam_capture_inserts('${spec.secret ?? ""}')`,
    );
  }
  return statements;
}

/** Creates or refreshes the capture triggers on a migrated PostgreSQL database (the caller holds the migration lock). */
export async function installPostgresChangeTriggers(client: pg.Client): Promise<void> {
  const { rows: present } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY($1)`,
    [["change_capture", ...Object.keys(TRACKED_TABLES)]],
  );
  if (present.length !== Object.keys(TRACKED_TABLES).length + 1) return;
  const statements = pgTriggerSql();
  const version = createHash("sha256").update(statements.join(";\n")).digest("hex").slice(0, 16);
  const { rows } = await client.query<{ version: string | null; triggers: string }>(
    `SELECT obj_description(to_regprocedure('ipam_capture_change()'), 'pg_proc') AS version,
            (SELECT count(*) FROM pg_trigger WHERE tgname = ANY($1) AND NOT tgisinternal)::text AS triggers`,
    [PG_CAPTURE_TRIGGERS],
  );
  if (rows[0].version === version && Number(rows[0].triggers) === Object.keys(TRACKED_TABLES).length * PG_CAPTURE_TRIGGERS.length) return;
  await client.query("BEGIN");
  try {
    for (const sql of statements) await client.query(sql);
    await client.query(`COMMENT ON FUNCTION ipam_capture_change() IS '${version}'`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
