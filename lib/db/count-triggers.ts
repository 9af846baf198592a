import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";

// network_counts: each network's direct hosts (hosts.network_id) by status,
// and host_blocks: how many hosts each aligned block of 256 and of 65,536
// addresses holds (next-free skips full blocks whole: lib/services/ip/free-space.ts),
// both kept by triggers on hosts in the same transaction as the write, whichever
// path wrote it (services, import, the tree recompute that moves hosts
// between a parent and a new child, SQL typed by hand; a restore turns them
// off in its transaction and recounts once). A network's
// used and state counts are then read in O(1), not counted over its hosts
// (a /8 with a million hosts: ~40 ms a count).
//
// Installed by the migration runner after the migrations, like the change
// log's triggers (lib/db/change-triggers.ts), so a later migration that
// rebuilds the hosts table cannot drop them unnoticed. The migration that
// created the table filled it; `npm run admin -- recount` (RECOUNT_SQL)
// rebuilds it if it ever drifts.

// host_blocks' two levels: the key without its last 2 hex digits (256 addresses) and without its last 4 (65,536).
const LEVELS = [[1, 31], [2, 29]] as const;

const SQLITE_TRIGGERS: Record<string, string> = {
  // INSERT … SELECT … WHERE: a host outside every network has no row to count into.
  network_counts_host_insert:
    `CREATE TRIGGER "network_counts_host_insert" AFTER INSERT ON "hosts" WHEN NEW."network_id" IS NOT NULL BEGIN ` +
    `INSERT INTO "network_counts" ("network_id", "total", "reserved", "inactive") ` +
    `SELECT NEW."network_id", 1, NEW."status" = 'reserved', NEW."status" = 'inactive' WHERE 1 ` +
    `ON CONFLICT ("network_id") DO UPDATE SET "total" = "total" + 1, "reserved" = "reserved" + excluded."reserved", "inactive" = "inactive" + excluded."inactive"; END`,
  network_counts_host_delete:
    `CREATE TRIGGER "network_counts_host_delete" AFTER DELETE ON "hosts" WHEN OLD."network_id" IS NOT NULL BEGIN ` +
    `UPDATE "network_counts" SET "total" = "total" - 1, "reserved" = "reserved" - (OLD."status" = 'reserved'), ` +
    `"inactive" = "inactive" - (OLD."status" = 'inactive') WHERE "network_id" = OLD."network_id"; END`,
  network_counts_host_update:
    `CREATE TRIGGER "network_counts_host_update" AFTER UPDATE OF "network_id", "status" ON "hosts" ` +
    `WHEN OLD."network_id" IS NOT NEW."network_id" OR OLD."status" IS NOT NEW."status" BEGIN ` +
    `UPDATE "network_counts" SET "total" = "total" - 1, "reserved" = "reserved" - (OLD."status" = 'reserved'), ` +
    `"inactive" = "inactive" - (OLD."status" = 'inactive') WHERE "network_id" = OLD."network_id"; ` +
    `INSERT INTO "network_counts" ("network_id", "total", "reserved", "inactive") ` +
    `SELECT NEW."network_id", 1, NEW."status" = 'reserved', NEW."status" = 'inactive' WHERE NEW."network_id" IS NOT NULL ` +
    `ON CONFLICT ("network_id") DO UPDATE SET "total" = "total" + 1, "reserved" = "reserved" + excluded."reserved", "inactive" = "inactive" + excluded."inactive"; END`,
  ...blockTriggers(),
};

function blockTriggers(): Record<string, string> {
  const add = (row: "NEW") => LEVELS.map(([level, chars]) =>
    `INSERT INTO "host_blocks" ("level", "block_key", "used") VALUES (${level}, substr(${row}."ip_key", 1, ${chars}), 1) ` +
    `ON CONFLICT ("level", "block_key") DO UPDATE SET "used" = "used" + 1;`).join(" ");
  const remove = (row: "OLD") => LEVELS.map(([level, chars]) =>
    `UPDATE "host_blocks" SET "used" = "used" - 1 WHERE "level" = ${level} AND "block_key" = substr(${row}."ip_key", 1, ${chars});`).join(" ");
  return {
    host_blocks_host_insert: `CREATE TRIGGER "host_blocks_host_insert" AFTER INSERT ON "hosts" BEGIN ${add("NEW")} END`,
    host_blocks_host_delete: `CREATE TRIGGER "host_blocks_host_delete" AFTER DELETE ON "hosts" BEGIN ${remove("OLD")} END`,
    host_blocks_host_update:
      `CREATE TRIGGER "host_blocks_host_update" AFTER UPDATE OF "ip_key" ON "hosts" WHEN OLD."ip_key" IS NOT NEW."ip_key" ` +
      `BEGIN ${remove("OLD")} ${add("NEW")} END`,
  };
}

/** Creates or refreshes the count triggers on a migrated SQLite database (inside the caller's connection). */
export function installSqliteCountTriggers(db: Database.Database): void {
  const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('network_counts', 'host_blocks')`).get() as { n: number };
  if (tables.n < 2) return;
  const existing = new Map(
    (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'network_counts_%' OR name LIKE 'host_blocks_%')`).all() as Array<{ name: string; sql: string }>)
      .map((r) => [r.name, r.sql]),
  );
  const stale = [...existing].filter(([name, sql]) => SQLITE_TRIGGERS[name] !== sql).map(([name]) => name);
  const missing = Object.entries(SQLITE_TRIGGERS).filter(([name, sql]) => existing.get(name) !== sql);
  if (stale.length === 0 && missing.length === 0) return;
  db.transaction(() => {
    for (const name of stale) db.exec(`DROP TRIGGER IF EXISTS "${name}"`);
    for (const [, sql] of missing) db.exec(sql);
  }).immediate();
}

/**
 * Drops the count triggers inside the caller's open transaction, which must
 * rebuild the counts (RECOUNT_SQL) and put them back
 * (installSqliteCountTriggers) before it commits: a restore counts its
 * million hosts in one GROUP BY instead of one upsert each.
 */
export function dropSqliteCountTriggers(db: Database.Database): void {
  if (!db.inTransaction) throw new Error("The count triggers are dropped only inside a transaction that puts them back");
  for (const name of Object.keys(SQLITE_TRIGGERS)) db.exec(`DROP TRIGGER IF EXISTS "${name}"`);
}

// PostgreSQL: once per statement, from its transition tables (an import
// inserts 100 hosts per statement; a PL/pgSQL call per row would cost as much
// as the insert). The deltas are applied in network_id order, so two
// statements touching the same networks lock their rows in the same order.
const delta = (rows: string, sign: "" | "-") =>
  `SELECT network_id, ${sign}1 AS total, ${sign}(status = 'reserved')::int AS reserved, ${sign}(status = 'inactive')::int AS inactive FROM ${rows} WHERE network_id IS NOT NULL`;

const blockDelta = (rows: string, sign: "" | "-") => LEVELS.map(([level, chars]) =>
  `SELECT ${level} AS level, substr(ip_key, 1, ${chars}) AS block_key, ${sign}1 AS used FROM ${rows}`).join(" UNION ALL ");

const pgFunction = (name: string, deltas: string, blockDeltas: string) => `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO network_counts (network_id, total, reserved, inactive)
  SELECT network_id, SUM(total), SUM(reserved), SUM(inactive) FROM (${deltas}) d
  GROUP BY network_id HAVING SUM(total) <> 0 OR SUM(reserved) <> 0 OR SUM(inactive) <> 0 ORDER BY network_id
  ON CONFLICT (network_id) DO UPDATE SET total = network_counts.total + EXCLUDED.total,
    reserved = network_counts.reserved + EXCLUDED.reserved, inactive = network_counts.inactive + EXCLUDED.inactive;
  INSERT INTO host_blocks (level, block_key, used)
  SELECT level, block_key, SUM(used) FROM (${blockDeltas}) b
  GROUP BY level, block_key HAVING SUM(used) <> 0 ORDER BY level, block_key
  ON CONFLICT (level, block_key) DO UPDATE SET used = host_blocks.used + EXCLUDED.used;
  RETURN NULL;
END
$fn$`;

const PG_STATEMENTS = [
  pgFunction("ipam_count_host_inserts", delta("new_rows", ""), blockDelta("new_rows", "")),
  pgFunction("ipam_count_host_deletes", delta("old_rows", "-"), blockDelta("old_rows", "-")),
  pgFunction("ipam_count_host_updates", `${delta("old_rows", "-")} UNION ALL ${delta("new_rows", "")}`, `${blockDelta("old_rows", "-")} UNION ALL ${blockDelta("new_rows", "")}`),
  `DROP TRIGGER IF EXISTS network_counts_insert ON hosts`,
  `DROP TRIGGER IF EXISTS network_counts_delete ON hosts`,
  `DROP TRIGGER IF EXISTS network_counts_update ON hosts`,
  `CREATE TRIGGER network_counts_insert AFTER INSERT ON hosts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ipam_count_host_inserts()`,
  `CREATE TRIGGER network_counts_delete AFTER DELETE ON hosts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ipam_count_host_deletes()`,
  `CREATE TRIGGER network_counts_update AFTER UPDATE ON hosts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ipam_count_host_updates()`,
];
const PG_TRIGGER_NAMES = ["network_counts_insert", "network_counts_delete", "network_counts_update"];

/** Turns the count triggers off or on inside the caller's transaction (a restore: recounted and on again before it commits). */
export async function setPostgresCountTriggers(client: pg.Client, enabled: boolean): Promise<void> {
  const action = enabled ? "ENABLE" : "DISABLE";
  await client.query(`ALTER TABLE hosts ${PG_TRIGGER_NAMES.map((name) => `${action} TRIGGER ${name}`).join(", ")}`);
}

/** Creates or refreshes the count triggers on a migrated PostgreSQL database (the caller holds the migration lock). */
export async function installPostgresCountTriggers(client: pg.Client): Promise<void> {
  const { rows: present } = await client.query(`SELECT to_regclass('network_counts') IS NOT NULL AND to_regclass('host_blocks') IS NOT NULL AS ok`);
  if (!present[0].ok) return;
  const version = createHash("sha256").update(PG_STATEMENTS.join(";\n")).digest("hex").slice(0, 16);
  const { rows } = await client.query<{ version: string | null; triggers: string }>(
    `SELECT obj_description(to_regprocedure('ipam_count_host_updates()'), 'pg_proc') AS version,
            (SELECT count(*) FROM pg_trigger WHERE tgname = ANY($1) AND NOT tgisinternal)::text AS triggers`,
    [PG_TRIGGER_NAMES],
  );
  if (rows[0].version === version && Number(rows[0].triggers) === PG_TRIGGER_NAMES.length) return;
  await client.query("BEGIN");
  try {
    for (const sql of PG_STATEMENTS) await client.query(sql);
    await client.query(`COMMENT ON FUNCTION ipam_count_host_updates() IS '${version}'`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
