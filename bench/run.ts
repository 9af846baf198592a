// `npm run bench`: every benchmark suite, each printed as a table of
// case / goal / measured / ok. Suites live beside this file.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

interface Row { case: string; goal: string; measured: string; ok: boolean }
type Suite = { file: string; exportName: string; title: string };

const suites: Suite[] = [
  { file: "ipam.bench.ts", exportName: "runIpamBench", title: "lib/ipam engine" },
  { file: "api.bench.ts", exportName: "runApiBench", title: "REST API (production build, seeded SQLite)" },
  { file: "states.bench.ts", exportName: "runStatesBench", title: "address states (service layer, seeded SQLite)" },
  { file: "ui.bench.ts", exportName: "runUiBench", title: "Web UI pages (production build, seeded SQLite)" },
  { file: "plugins.bench.ts", exportName: "runPluginsBench", title: "import/export plugins" },
];

async function main(): Promise<void> {
  const only = process.argv[2];
  let failed = 0;
  for (const suite of suites) {
    if (only && !suite.file.startsWith(only)) continue;
    const file = path.join(import.meta.dirname, suite.file);
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, () => Promise<Row[]>>;
    console.log(`\n== ${suite.title} ==`);
    const rows = await mod[suite.exportName]();
    console.table(rows);
    failed += rows.filter((r) => !r.ok).length;
  }
  console.log(failed ? `\n${failed} case(s) missed their goal` : "\nAll cases met their goals");
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
