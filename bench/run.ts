// `npm run bench [-- <suite>] [--db sqlite|postgres|both] [--huge]`: every
// benchmark suite (or the one named), each printed as its own table as it
// finishes, then ONE summary table of every suite's rows: goal, measured, the
// raw baseline measured in the same run, their ratio, and whether the goal
// was met. --db picks the engine of the suites that run on either (api,
// plugins, changes: default both; auth: default sqlite); a suite that runs on
// one engine only shows up as "sqlite only" / "postgresql only" instead of
// vanishing. --huge adds the 16,000,000-host case (bench/huge.bench.ts; not
// in the default run, it needs minutes and ~3 GB in the temp folder).
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { summaryRow, type SuiteRow, type SummaryRow } from "./summary";

/**
 * Where a suite runs: "none" needs no database (runs whatever --db says),
 * "sqlite"/"postgres" on that engine only, "option" on the engine(s) --db names
 * (it is called with the options).
 */
type Engines = "none" | "sqlite" | "postgres" | "option";
type Suite = { name: string; file: string; exportName: string; title: string; engines: Engines; onlyWhenAsked?: boolean };
export type SuiteOptions = { db?: "sqlite" | "postgres" | "both" };

const suites: Suite[] = [
  { name: "ipam", file: "ipam.bench.ts", exportName: "runIpamBench", title: "lib/ipam engine (no database)", engines: "none" },
  { name: "api", file: "api.bench.ts", exportName: "runApiBench", title: "REST API (production build; hosts imported over HTTP; raw baselines on the same database)", engines: "option" },
  { name: "states", file: "states.bench.ts", exportName: "runStatesBench", title: "address states (service layer, seeded SQLite)", engines: "sqlite" },
  { name: "ui", file: "ui.bench.ts", exportName: "runUiBench", title: "Web UI pages (production build, seeded SQLite)", engines: "sqlite" },
  { name: "plugins", file: "plugins.bench.ts", exportName: "runPluginsBench", title: "import/export plugins, with and without the change log", engines: "option" },
  { name: "export", file: "export.bench.ts", exportName: "runExportBench", title: "exports in one pass: time against the sqlite3 CLI floor, and RSS growth (100,000 hosts, SQLite)", engines: "sqlite" },
  { name: "changes", file: "changes.bench.ts", exportName: "runChangesBench", title: "change log at scale: list and allocate (service layer, seeded database)", engines: "option" },
  { name: "query-plans", file: "query-plans.bench.ts", exportName: "runQueryPlansBench", title: "PostgreSQL plans of the hot queries (seeded database)", engines: "postgres" },
  { name: "auth", file: "auth.bench.ts", exportName: "runAuthBench", title: "sign-in rate limits and per-request auth cost (production build)", engines: "option" },
  { name: "process", file: "process.bench.ts", exportName: "runProcessBench", title: "process tree: idle and peak RSS, cold start (`npm start`)", engines: "sqlite" },
  { name: "huge", file: "huge.bench.ts", exportName: "runHugeBench", title: "next-ip in a /8 with 16,000,000 hosts, first gap at the end (SQLite)", engines: "sqlite", onlyWhenAsked: true },
];

const DB_CHOICES = ["sqlite", "postgres", "both"] as const;

/** A mistyped command line: one line and exit code 2, no stack. */
class UsageError extends Error {}

function parseOptions(): { only?: string; huge: boolean; options: SuiteOptions } {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { db: { type: "string" }, huge: { type: "boolean" } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.db !== undefined && !DB_CHOICES.includes(values.db as never)) {
    throw new UsageError(`--db must be one of ${DB_CHOICES.join(", ")} (got ${JSON.stringify(values.db)})`);
  }
  const only = positionals[0];
  if (only && !suites.some((s) => s.name.startsWith(only))) throw new UsageError(`no suite named ${JSON.stringify(only)} (suites: ${suites.map((s) => s.name).join(", ")})`);
  return { only, huge: values.huge ?? false, options: { db: values.db as SuiteOptions["db"] } };
}

/** Why a suite does not run with these options, or null when it does. */
function skipReason(suite: Suite, db: SuiteOptions["db"]): string | null {
  if (db === "postgres" && suite.engines === "sqlite") return "sqlite only";
  if (db === "sqlite" && suite.engines === "postgres") return "postgresql only";
  if (!existsSync(path.join(import.meta.dirname, suite.file))) return `not measured: bench/${suite.file} is not in this tree yet`;
  return null;
}

async function runSuite(suite: Suite, options: SuiteOptions): Promise<SuiteRow[]> {
  const mod = (await import(pathToFileURL(path.join(import.meta.dirname, suite.file)).href)) as Record<string, (options?: SuiteOptions) => Promise<SuiteRow[]>>;
  const run = mod[suite.exportName];
  if (typeof run !== "function") throw new Error(`bench/${suite.file} does not export ${suite.exportName}()`);
  return suite.engines === "option" ? run(options) : run();
}

const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" ");

async function main(): Promise<void> {
  const { only, huge, options } = parseOptions();
  const summary: SummaryRow[] = [];
  const started = performance.now();
  const loadAtStart = load();
  for (const suite of suites) {
    if (only ? !suite.name.startsWith(only) : suite.onlyWhenAsked && !huge) continue;
    console.log(`\n== ${suite.name}: ${suite.title} ==`);
    const skip = skipReason(suite, options.db);
    if (skip) {
      console.log(`  ${skip}`);
      summary.push({ suite: suite.name, case: "(whole suite)", goal: "–", measured: skip, baseline: "–", ratio: "–", ok: "skipped" });
      continue;
    }
    const t0 = performance.now();
    try {
      const rows = await runSuite(suite, options);
      const table = rows.map((row) => summaryRow(suite.name, row));
      console.table(table.map(({ suite: _suite, ...row }) => row));
      summary.push(...table);
    } catch (error) {
      // A suite that breaks is a row that failed, not a run without a summary.
      console.error(error);
      summary.push({ suite: suite.name, case: "(suite failed)", goal: "runs", measured: String((error as Error).message ?? error).split("\n")[0].slice(0, 200), baseline: "–", ratio: "–", ok: "NO" });
    }
    console.log(`  (${suite.name}: ${((performance.now() - t0) / 1000).toFixed(0)} s, load average ${load()})`);
  }
  console.log(`\n== summary${options.db ? ` (--db ${options.db})` : ""}: ratio = measured / baseline, both measured in this run ==`);
  console.table(summary);
  const failed = summary.filter((r) => r.ok === "NO").length;
  console.log(`took ${((performance.now() - started) / 60_000).toFixed(1)} min; load average (1/5/15 min) at the start ${loadAtStart}, at the end ${load()} on ${os.cpus().length} cores`);
  console.log(failed ? `${failed} case(s) missed their goal` : "All cases met their goals");
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\nusage: npm run bench [-- <suite>] [--db sqlite|postgres|both] [--huge]`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
