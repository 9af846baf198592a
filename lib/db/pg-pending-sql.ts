import { migratePostgres } from "@/lib/db/migrate-postgres";
import { pgEngineAdapter } from "@/lib/db/pg-engine-adapter";
import { withScratchDatabase } from "@/lib/db/pg-scratch";
import { diffDatabaseToSchema } from "@/lib/db/schema-engine";
import { collateKeyColumns } from "@/lib/db/key-collation";

/**
 * The PostgreSQL SQL the migrations in `migrationsDir` are missing to match
 * `schemaPath` (`""` if none): they are applied to a scratch database on
 * `serverUrl`'s server by the runner `npm start` uses, and the WASM engine
 * diffs that database against the schema. Unlike a diff from the previous
 * schema file, this stays right when that file was already regenerated
 * (`node scripts/generate.mjs`). Sort-key columns get `COLLATE "C"`.
 */
export async function pendingPostgresSql({ serverUrl, migrationsDir, schemaPath, schema }: {
  serverUrl: string;
  migrationsDir: string;
  schemaPath: string;
  /** The schema's text when the file is not written yet. */
  schema?: string;
}): Promise<string> {
  return withScratchDatabase(serverUrl, async (url) => {
    await migratePostgres(url, migrationsDir);
    const sql = await diffDatabaseToSchema({ adapterFactory: pgEngineAdapter(url), schemaPath, schema });
    return sql && collateKeyColumns(sql);
  });
}
