import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

// The driver adapter the WASM schema engine needs to read a PostgreSQL
// database (lib/db/schema-engine.ts `diffDatabaseToSchema`). adapter-pg 7.10
// has no column type for PostgreSQL's one-byte "char" (OID 18), and the
// engine's catalog queries return such columns (pg_class.relkind,
// pg_constraint.contype…): introspection fails with "Column type 'char'
// could not be deserialized". Its values arrive as one-letter strings, so
// they are reported as text (OID 25).

const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * A migration-aware adapter factory on the database `url` names. It has no
 * shadow database: we never let the engine replay a history itself (our own
 * runner migrates a scratch database instead, lib/db/pg-pending-sql.ts).
 */
export function pgEngineAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: "ipam-schema-engine" });
  pool.on("error", () => {});
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  // The adapter only calls the promise form with a config object.
  (pool as unknown as { query: typeof query }).query = async (config) => {
    const result = await query(config);
    for (const field of result.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  };
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: () => Promise.reject(new Error("no shadow database: migrate a scratch database and diff that instead")),
  };
}
