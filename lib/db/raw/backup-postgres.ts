import "server-only";
import pg from "pg";
import { pgImageSelect, setPostgresChangeTriggers } from "@/lib/db/change-triggers";
import { setPostgresCountTriggers } from "@/lib/db/count-triggers";
import { capturedRow, changeLogColumns, portableChangeRecord, portableType, quoteIdentifier, type BackupSnapshot, type PortableRow, type RestoreTarget, type TableShape } from "./backup-values";
import { INSTANCE_STATE_TABLES } from "./backup-instance-state";
import { restoredCreatesParams, restoredCreatesSql } from "./change-log-bulk";
import { RECOUNT_SQL } from "./network-counts";

// PostgreSQL side of backup and restore, on a pg.Client of its own (not the
// app's pool: a backup holds its transaction open for as long as it runs).
// Rows travel as ONE JSON text per statement (json_populate_recordset over
// the table's own row type), so a batch of thousands is one round trip and
// the server does the casts; timestamps arrive as ISO UTC text, and a
// `timestamp` column ignores the zone suffix (stored in UTC, as Prisma does).

const EXCLUDED = ["_prisma_migrations", ...INSTANCE_STATE_TABLES];

/** to_char pattern of the portable timestamp: `timestamp` columns hold UTC (Prisma writes them so). */
const ISO_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

async function connect(url: string): Promise<pg.Client> {
  // pg's default parsers: int4 and bool as JSON numbers and booleans, int8
  // (bigint columns) as decimal text, exactly the portable form.
  const client = new pg.Client({ connectionString: url, application_name: "ipam-backup" });
  client.on("error", () => {});
  await client.connect();
  return client;
}

async function describeTables(client: pg.Client): Promise<TableShape[]> {
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> ALL($1)
        AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
      ORDER BY table_name, column_name COLLATE "C"`, [EXCLUDED]); // columns by byte order of name, as backup-sqlite.ts orders them
  const keys = await client.query<{ table_name: string; column_name: string }>(
    `SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
      WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()`);
  const fks = await client.query<{ table_name: string; column_name: string; referenced: string }>(
    `SELECT t.relname AS table_name, a.attname AS column_name, r.relname AS referenced
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`);
  const tables = new Map<string, TableShape>();
  for (const c of columns.rows) {
    let table = tables.get(c.table_name);
    if (!table) tables.set(c.table_name, (table = { name: c.table_name, primaryKey: "", columns: [], references: [] }));
    table.columns.push({ name: c.column_name, type: portableType(c.table_name, c.column_name, c.data_type), nullable: c.is_nullable === "YES" });
  }
  for (const table of tables.values()) {
    const pk = keys.rows.filter((k) => k.table_name === table.name);
    if (pk.length !== 1) throw new Error(`Table ${table.name} has no single-column primary key; the backup pages rows by one`);
    table.primaryKey = pk[0].column_name;
    table.references = fks.rows.filter((f) => f.table_name === table.name).map((f) => ({ column: f.column_name, table: f.referenced }));
  }
  return [...tables.values()];
}

async function latestMigration(client: pg.Client): Promise<string | null> {
  const { rows } = await client.query<{ name: string | null }>(
    `SELECT CASE WHEN to_regclass('"_prisma_migrations"') IS NULL THEN NULL ELSE
       (SELECT MAX(migration_name) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL) END AS name`);
  return rows[0]?.name ?? null;
}

const integerKeyed = (table: TableShape) => ["int", "bigint"].includes(table.columns.find((c) => c.name === table.primaryKey)!.type);

const columnList = (columns: string[]) => columns.map(quoteIdentifier).join(", ");

// Timestamps leave the server as the portable ISO text: formatting them in
// JavaScript (Date parse and print) was a sixth of a 1M-host backup.
const selectList = (table: TableShape) => table.columns
  .map((c) => (c.type === "datetime" ? `to_char(${quoteIdentifier(c.name)}, '${ISO_UTC}') AS ${quoteIdentifier(c.name)}` : quoteIdentifier(c.name)))
  .join(", ");

export async function postgresSnapshot(url: string): Promise<BackupSnapshot> {
  const client = await connect(url);
  try {
    // One snapshot for every statement until close(), taken by the first query.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await describeTables(client);
    const migration = await latestMigration(client);
    return {
      tables,
      latestMigration: migration,
      async count(table) {
        const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quoteIdentifier(table.name)}`);
        return Number(rows[0].n);
      },
      async page(table, after, limit) {
        const cols = selectList(table);
        const pk = quoteIdentifier(table.primaryKey);
        const t = quoteIdentifier(table.name);
        const { rows } = after === undefined
          ? await client.query(`SELECT ${cols} FROM ${t} ORDER BY ${pk} LIMIT $1`, [limit])
          : await client.query(`SELECT ${cols} FROM ${t} WHERE ${pk} > $1 ORDER BY ${pk} LIMIT $2`, [after, limit]);
        return rows as PortableRow[];
      },
      async close() {
        await client.query("COMMIT").catch(() => {});
        await client.end();
      },
    };
  } catch (error) {
    await client.end();
    throw error;
  }
}

export async function postgresTarget(url: string): Promise<RestoreTarget> {
  const client = await connect(url);
  const finish = async (sql: string) => {
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await client.query("BEGIN");
    const tables = await describeTables(client);
    // Writers wait until the restore commits; readers go on seeing the old rows.
    if (tables.length) await client.query(`LOCK TABLE ${tables.map((t) => quoteIdentifier(t.name)).join(", ")} IN EXCLUSIVE MODE`);
    const migration = await latestMigration(client);
    // A restore signs everyone out and resets the rate limits (in its transaction: a failed restore keeps them).
    const { rows: state } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY($1)`, [INSTANCE_STATE_TABLES]);
    const instanceState = state.map((r) => quoteIdentifier(r.table_name));
    for (const table of instanceState) await client.query(`DELETE FROM ${table}`);
    // Ids were written explicitly, so each serial sequence still stands
    // where it was: move it past the largest restored id.
    const moveSequences = async (list: TableShape[]) => {
      for (const table of list.filter(integerKeyed)) {
        const pk = quoteIdentifier(table.primaryKey);
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${pk}), 0) + 1, false) FROM ${quoteIdentifier(table.name)}`,
          [quoteIdentifier(table.name), table.primaryKey],
        );
      }
    };
    // New records take ids from the sequence: past the restored records first.
    let changeLogSequenceMoved = false;
    const moveChangeLogSequence = async () => {
      if (!changeLogSequenceMoved) await moveSequences([tables.find((t) => t.name === "change_log")!]);
      changeLogSequenceMoved = true;
    };
    const target: RestoreTarget = {
      tables,
      latestMigration: migration,
      async isEmpty(table) {
        const { rows } = await client.query(`SELECT 1 FROM ${quoteIdentifier(table.name)} LIMIT 1`);
        return rows.length === 0;
      },
      async clear(list) {
        // sessions references users: TRUNCATE takes referencing tables in the same statement only.
        if (list.length) await client.query(`TRUNCATE ${[...list.map((t) => quoteIdentifier(t.name)), ...instanceState].join(", ")}`);
      },
      async insert(table, columns, rows) {
        const t = quoteIdentifier(table.name);
        const cols = columnList(columns);
        await client.query(`INSERT INTO ${t} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${t}, $1::json)`, [JSON.stringify(rows)]);
      },
      async setColumn(table, column, rows) {
        const t = quoteIdentifier(table.name);
        const c = quoteIdentifier(column);
        const pk = quoteIdentifier(table.primaryKey);
        await client.query(`UPDATE ${t} SET ${c} = x.${c} FROM json_populate_recordset(NULL::${t}, $1::json) AS x WHERE ${t}.${pk} = x.${pk}`, [JSON.stringify(rows)]);
      },
      // Only this transaction's rows: TRUNCATE would also lock out every other
      // transaction's recording step (even of untracked writes) until the commit.
      async discardCaptured() {
        await client.query(`DELETE FROM change_capture WHERE xact = txid_current_if_assigned()`);
      },
      // ALTER TABLE … DISABLE TRIGGER is transactional: other sessions see
      // the triggers on throughout (and wait on the restore's table locks).
      async suspendTriggers() {
        await setPostgresChangeTriggers(client, false);
        await setPostgresCountTriggers(client, false);
      },
      async rebuildDerived() {
        for (const sql of [...RECOUNT_SQL.networkCounts, ...RECOUNT_SQL.hostBlocks]) await client.query(sql);
        await setPostgresChangeTriggers(client, true);
        await setPostgresCountTriggers(client, true);
      },
      async restoredPage(table, after, limit) {
        const { rows } = await client.query<{ id: number; new_row: string }>(pgImageSelect(table), [after, limit]);
        return rows.map((r) => capturedRow({ id: r.id, table_name: table, row_id: r.id, op: "I", new_row: r.new_row }));
      },
      async insertChangeRecords(records) {
        await moveChangeLogSequence();
        await target.insert(tables.find((t) => t.name === "change_log")!, changeLogColumns, records.map(portableChangeRecord));
      },
      async insertRestoredCreates(table, stamp) {
        await moveChangeLogSequence();
        await client.query(restoredCreatesSql(true, table), restoredCreatesParams(stamp, (d) => d.toISOString()));
      },
      async commit() {
        await moveSequences(tables);
        await finish("COMMIT");
      },
      async rollback() {
        await finish("ROLLBACK");
      },
    };
    return target;
  } catch (error) {
    await finish("ROLLBACK").catch(() => {});
    throw error;
  }
}
