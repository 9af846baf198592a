// Where the dnsmasq export's time goes (issue 15.4): seeds like export.bench.ts, then
// times the raw snapshot read alone, then the whole export. `npx tsx --conditions=react-server bench/export-profile.ts [hosts]`
import { openHostSnapshot } from "../lib/db/raw/dnsmasq-export";
import { dnsmasqExporter } from "../plugins/export/dnsmasq-exporter";
import { seedExportDb } from "./export.bench";
import { dnsmasqFloor } from "./export-floor";
import { exportOnce } from "./export-measure";

async function main(): Promise<void> {
  const hosts = Number(process.argv[2] ?? 100_000);
  const { file, drop } = await seedExportDb(hosts);
  try {
    for (let run = 0; run < 3; run++) {
      let t0 = performance.now();
      const snapshot = await openHostSnapshot();
      let rows = 0;
      for await (const batch of snapshot.batches(10_000)) rows += batch.length;
      await snapshot.close();
      const readMs = performance.now() - t0;
      t0 = performance.now();
      const floor = dnsmasqFloor(file);
      const r = await exportOnce(dnsmasqExporter, {});
      console.log(`read ${rows} rows: ${readMs.toFixed(0)} ms; floor ${floor.ms.toFixed(0)} ms; export ${r.ms.toFixed(0)} ms, RSS +${r.rssGrowthMb.toFixed(0)} MB`);
    }
  } finally {
    await drop();
  }
}
main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
