// Where the dnsmasq export's time goes (issue 15.4): seeds like export.bench.ts, then
// times the raw snapshot read alone, the floor and the whole export, three times each.
// `npx tsx --conditions=react-server bench/export-profile.ts [hosts] [--runs n] [--profile file.cpuprofile]`:
// with --profile, a CPU profile of the exports alone (not the seeding) is written there.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { openHostSnapshot } from "../lib/db/raw/dnsmasq-export";
import { PUBLISHED_STATUS_LIST } from "../plugins/dnsmasq/host-plan";
import { dnsmasqExporter } from "../plugins/export/dnsmasq-exporter";
import { seedExportDb } from "./export.bench";
import { dnsmasqFloor } from "./export-floor";
import { exportOnce } from "./export-measure";

async function main(): Promise<void> {
  const hosts = Number(process.argv[2] ?? 100_000);
  const profileAt = process.argv.indexOf("--profile");
  const profileFile = profileAt > 0 ? process.argv[profileAt + 1] : null;
  const { file, drop } = await seedExportDb(hosts);
  const session = profileFile ? new Session() : null;
  try {
    const runsAt = process.argv.indexOf("--runs");
    const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
    const ratios: number[] = [];
    for (let run = 0; run < runs; run++) {
      let t0 = performance.now();
      const snapshot = await openHostSnapshot(PUBLISHED_STATUS_LIST);
      let rows = 0;
      for await (const batch of snapshot.batches(10_000)) rows += batch.length;
      await snapshot.close();
      const readMs = performance.now() - t0;
      t0 = performance.now();
      const floor = dnsmasqFloor(file);
      if (session && run === 1) {
        session.connect();
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
      }
      const r = await exportOnce(dnsmasqExporter, {});
      if (run > 0) ratios.push(r.ms / floor.ms);
      console.log(`read ${rows} rows: ${readMs.toFixed(0)} ms; floor ${floor.ms.toFixed(0)} ms; export ${r.ms.toFixed(0)} ms, RSS +${r.rssGrowthMb.toFixed(0)} MB`);
    }
    ratios.sort((a, b) => a - b);
    console.log(`median export/floor over ${ratios.length} runs after the first: ${ratios[ratios.length >> 1]?.toFixed(2)}x`);
    if (session) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(profileFile!, JSON.stringify(profile));
    }
  } finally {
    await drop();
  }
}
main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
