// Child process of bench/plugins.bench.ts: imports one CSV or XLSX file into
// the database in DATABASE_URL and prints {ms, maxRssMb, report} as JSON, so
// the parent can read this import's own peak memory.
import { readFileSync } from "node:fs";
// The importers themselves, not the registry: the registry loads every plugin.
import { csvImporter } from "../plugins/import/csv-importer";
import { xlsxImporter } from "../plugins/import/xlsx-importer";

async function main(): Promise<void> {
  const [file, type] = process.argv.slice(2);
  const t0 = performance.now();
  const bytes = readFileSync(file);
  const importer = file.endsWith(".xlsx") ? xlsxImporter : csvImporter;
  const report = await importer.run({
    actor: { kind: "user", id: 0, name: "bench", role: "admin" },
    upload: { filename: file, mediaType: null, bytes },
    options: { type: type as "hosts" | "networks", dryRun: false, onConflict: "error" },
  });
  const ms = performance.now() - t0;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, maxRssMb, report: { ...report, errors: report.errors.length } }));
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
