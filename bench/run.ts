// `npm run bench [-- <suite> [--db sqlite|postgres|both]]`: every benchmark
// suite (or the one named), each printed as a table whose rows carry `ok`
// (the goal met). Suites live beside this file; --db is for the suites that
// run on a database engine (api, plugins, changes: default both engines; auth: default sqlite).
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

type Row = { case: string; ok: boolean } & Record<string, unknown>;
/** `takesDb`: the suite runs on the engine(s) --db names and is called with the options. */
type Suite = { file: string; exportName: string; title: string; takesDb?: boolean };
export type SuiteOptions = { db?: "sqlite" | "postgres" | "both" };

const suites: Suite[] = [
  { file: "ipam.bench.ts", exportName: "runIpamBench", title: "lib/ipam engine" },
  { file: "api.bench.ts", exportName: "runApiBench", title: "REST API (production build, seeded database)", takesDb: true },
  { file: "states.bench.ts", exportName: "runStatesBench", title: "address states (service layer, seeded SQLite)" },
  { file: "ui.bench.ts", exportName: "runUiBench", title: "Web UI pages (production build, seeded SQLite)" },
  { file: "plugins.bench.ts", exportName: "runPluginsBench", title: "import/export plugins, with and without the change log", takesDb: true },
  { file: "export.bench.ts", exportName: "runExportBench", title: "exports in one pass: time against the sqlite3 CLI floor, and RSS growth (100,000 hosts, SQLite)" },
  { file: "changes.bench.ts", exportName: "runChangesBench", title: "change log at scale: list and allocate (service layer, seeded database)", takesDb: true },
  { file: "query-plans.bench.ts", exportName: "runQueryPlansBench", title: "PostgreSQL plans of the hot queries (seeded database)" },
  { file: "auth.bench.ts", exportName: "runAuthBench", title: "sign-in rate limits and per-request auth cost (production build)", takesDb: true },
];

const DB_CHOICES = ["sqlite", "postgres", "both"] as const;

/** A mistyped command line: one line and exit code 2, no stack. */
class UsageError extends Error {}

function parseOptions(): { only?: string; options: SuiteOptions } {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { db: { type: "string" } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.db !== undefined && !DB_CHOICES.includes(values.db as never)) {
    throw new UsageError(`--db must be one of ${DB_CHOICES.join(", ")} (got ${JSON.stringify(values.db)})`);
  }
  return { only: positionals[0], options: { db: values.db as SuiteOptions["db"] } };
}

async function main(): Promise<void> {
  const { only, options } = parseOptions();
  let failed = 0;
  for (const suite of suites) {
    if (only && !suite.file.startsWith(only)) continue;
    const file = path.join(import.meta.dirname, suite.file);
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, (options?: SuiteOptions) => Promise<Row[]>>;
    console.log(`\n== ${suite.title} ==`);
    const rows = await (suite.takesDb ? mod[suite.exportName](options) : mod[suite.exportName]());
    console.table(rows);
    failed += rows.filter((r) => !r.ok).length;
  }
  console.log(failed ? `\n${failed} case(s) missed their goal` : "\nAll cases met their goals");
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\nusage: npm run bench [-- <suite> [--db sqlite|postgres|both]]`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
