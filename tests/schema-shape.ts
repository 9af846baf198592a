// The structure of a migrated database, read from the engine's catalog and
// put in one engine-neutral form, so the SQLite and the PostgreSQL histories
// can be compared (tests/schema-drift.integration.test.ts). Test support, not
// app code: the app never reads its own catalog.
import Database from "better-sqlite3";
import pg from "pg";

export interface Column { name: string; type: string; nullable: boolean }
export interface Index { name: string; columns: string[]; unique: boolean }
export interface ForeignKey { columns: string[]; references: string; referencedColumns: string[]; onDelete: string; onUpdate: string }
export interface Table { columns: Column[]; indexes: Index[]; foreignKeys: ForeignKey[] }
export type Shape = Record<string, Table>;

const BOOKKEEPING = "_prisma_migrations";

// Both catalogs' type names, reduced to what Prisma maps a field to.
const TYPE_CLASS: Record<string, string> = {
  integer: "int", int4: "int", bigint: "bigint", int8: "bigint", text: "text", boolean: "bool",
  datetime: "datetime", "timestamp without time zone": "datetime", timestamp: "datetime",
  real: "float", "double precision": "float", decimal: "decimal", numeric: "decimal",
  blob: "bytes", bytea: "bytes", jsonb: "json",
};
const typeClass = (type: string) => TYPE_CLASS[type.toLowerCase().replace(/\(.*\)$/, "").trim()] ?? type.toLowerCase();

// PostgreSQL's pg_constraint action codes, spelled as SQLite's pragma does.
const ACTION: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

function sorted(table: Table): Table {
  return {
    columns: [...table.columns].sort((a, b) => a.name.localeCompare(b.name)),
    indexes: [...table.indexes].sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: [...table.foreignKeys].sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
  };
}

export function sqliteShape(file: string): Shape {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?")
      .pluck()
      .all(BOOKKEEPING) as string[];
    const shape: Shape = {};
    for (const table of tables) {
      const columns = (db.pragma(`table_info("${table}")`) as Array<{ name: string; type: string; notnull: number; pk: number }>).map((c) => ({
        name: c.name,
        type: typeClass(c.type),
        nullable: c.notnull === 0 && c.pk === 0,
      }));
      // origin "pk" is the rowid primary key, which PostgreSQL keeps as a constraint, not an index we compare.
      const indexes = (db.pragma(`index_list("${table}")`) as Array<{ name: string; unique: number; origin: string }>)
        .filter((i) => i.origin !== "pk")
        .map((i) => ({
          name: i.name,
          unique: i.unique === 1,
          columns: (db.pragma(`index_info("${i.name}")`) as Array<{ seqno: number; name: string }>).sort((a, b) => a.seqno - b.seqno).map((c) => c.name),
        }));
      const byId = new Map<number, ForeignKey>();
      for (const fk of db.pragma(`foreign_key_list("${table}")`) as Array<{ id: number; table: string; from: string; to: string; on_update: string; on_delete: string }>) {
        const entry = byId.get(fk.id) ?? { columns: [], references: fk.table, referencedColumns: [], onDelete: fk.on_delete, onUpdate: fk.on_update };
        entry.columns.push(fk.from);
        entry.referencedColumns.push(fk.to);
        byId.set(fk.id, entry);
      }
      shape[table] = sorted({ columns, indexes, foreignKeys: [...byId.values()] });
    }
    return shape;
  } finally {
    db.close();
  }
}

export async function pgShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql, [BOOKKEEPING])).rows;
    const shape: Shape = {};
    const table = (name: string) => (shape[name] ??= { columns: [], indexes: [], foreignKeys: [] });
    for (const c of await q<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> $1`,
    )) {
      table(c.table_name).columns.push({ name: c.column_name, type: typeClass(c.data_type), nullable: c.is_nullable === "YES" });
    }
    for (const i of await q<{ table_name: string; index_name: string; unique: boolean; columns: string[] }>(
      `SELECT t.relname AS table_name, i.relname AS index_name, x.indisunique AS unique,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' AND NOT x.indisprimary AND t.relname <> $1
        GROUP BY t.relname, i.relname, x.indisunique`,
    )) {
      table(i.table_name).indexes.push({ name: i.index_name, columns: i.columns, unique: i.unique });
    }
    for (const f of await q<{ table_name: string; columns: string[]; references: string; referenced_columns: string[]; on_delete: string; on_update: string }>(
      `SELECT t.relname AS table_name, r.relname::text AS references, c.confdeltype AS on_delete, c.confupdtype AS on_update,
              ARRAY(SELECT attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY o) AS columns,
              ARRAY(SELECT attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n ORDER BY o) AS referenced_columns
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class r ON r.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = 'public' AND t.relname <> $1`,
    )) {
      table(f.table_name).foreignKeys.push({
        columns: f.columns, references: f.references, referencedColumns: f.referenced_columns,
        onDelete: ACTION[f.on_delete] ?? f.on_delete, onUpdate: ACTION[f.on_update] ?? f.on_update,
      });
    }
    return Object.fromEntries(Object.entries(shape).map(([name, t]) => [name, sorted(t)]));
  } finally {
    await client.end();
  }
}

/** PostgreSQL columns whose name ends in `_key` and whose collation is not "C" (lib/db/key-collation.ts). */
export async function pgKeyColumnsWithoutCCollation(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ column: string }>(
      `SELECT table_name || '.' || column_name AS column FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name LIKE '%\\_key' AND collation_name IS DISTINCT FROM 'C'
        ORDER BY 1`,
    );
    return rows.map((r) => r.column);
  } finally {
    await client.end();
  }
}

/** Every difference between two shapes, one readable line each; [] when they match. */
export function shapeDifferences(a: Shape, b: Shape, names: [string, string] = ["sqlite", "postgresql"]): string[] {
  const out: string[] = [];
  const only = (what: string, left: string[], right: string[]) => {
    for (const x of left.filter((n) => !right.includes(n))) out.push(`${what} ${x}: only in ${names[0]}`);
    for (const x of right.filter((n) => !left.includes(n))) out.push(`${what} ${x}: only in ${names[1]}`);
  };
  only("table", Object.keys(a), Object.keys(b));
  for (const name of Object.keys(a).filter((t) => t in b)) {
    const [x, y] = [a[name], b[name]];
    const compare = <T>(what: string, left: T[], right: T[], key: (v: T) => string) => {
      only(`${name}: ${what}`, left.map(key), right.map(key));
    };
    compare("column", x.columns, y.columns, (c) => `${c.name} ${c.type} ${c.nullable ? "NULL" : "NOT NULL"}`);
    compare("index", x.indexes, y.indexes, (i) => `${i.name} ${i.unique ? "UNIQUE " : ""}(${i.columns.join(", ")})`);
    compare("foreign key", x.foreignKeys, y.foreignKeys, (f) =>
      `(${f.columns.join(", ")}) → ${f.references}(${f.referencedColumns.join(", ")}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`);
  }
  return out;
}
