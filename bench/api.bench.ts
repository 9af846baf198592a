// REST API benchmark against the production build, on a seeded SQLite file,
// a seeded PostgreSQL database, or both in the same run on the same dataset
// (the default): `npm run bench -- api [--db sqlite|postgres|both]`.
// bench/run.ts imports runApiBench(). The dataset is bench/api/dataset.ts;
// PostgreSQL runs on DATABASE_URL's server when it names one, else on a
// throwaway cluster.
import { loadEnv } from "../lib/env";
import type { BenchDb } from "./api/bench-db";
import { measureEngine } from "./api/engine-run";
import { asRow, type BenchRow, type Figure } from "./api/figure";
import { postgresBenchDb } from "./api/postgres-bench-db";
import { openPgServer, type PgServer } from "./api/postgres-server";
import { checkBuild } from "./api/server";
import { engineRatioRow, sideBySide } from "./api/side-by-side";
import { sqliteBenchDb } from "./api/sqlite-bench-db";

export type BenchDbChoice = "sqlite" | "postgres" | "both";

const progress = (line: string) => console.log(`  ${line}`);

async function onSqlite(distDir: string): Promise<Figure[]> {
  const db = sqliteBenchDb();
  try {
    return await measureEngine(db, distDir, progress);
  } finally {
    await db.close();
  }
}

async function onPostgres(distDir: string): Promise<Figure[]> {
  const server: PgServer = await openPgServer();
  progress(`PostgreSQL: ${server.label}`);
  let db: BenchDb | undefined;
  try {
    db = await postgresBenchDb(server);
    return await measureEngine(db, distDir, progress);
  } finally {
    await db?.close();
    await server.stop();
  }
}

const labelled = (engine: string, figures: Figure[]): BenchRow[] => figures.map((f) => asRow({ ...f, case: `[${engine}] ${f.case}` }));

export async function runApiBench(options: { db?: BenchDbChoice } = {}): Promise<BenchRow[]> {
  const choice = options.db ?? "both";
  const distDir = loadEnv().NEXT_DIST_DIR;
  checkBuild(distDir);
  // One engine at a time: the two would otherwise share the machine's cores.
  const sqlite = choice === "postgres" ? [] : await onSqlite(distDir);
  const postgres = choice === "sqlite" ? [] : await onPostgres(distDir);
  if (choice !== "both") return (choice === "sqlite" ? sqlite : postgres).map(asRow);
  // Both engines: their figures side by side here, each engine's rows (and the 2x goal) in the summary.
  const compared = sideBySide(sqlite, postgres);
  console.log("  SQLite and PostgreSQL side by side:");
  console.table(compared);
  return [...labelled("sqlite", sqlite), ...labelled("postgresql", postgres), engineRatioRow(compared)];
}
