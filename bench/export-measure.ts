// Times one exporter run to its last streamed chunk and samples the
// process's RSS meanwhile (every 5 ms, between batches): the growth is the
// peak minus the RSS just before the run, after a GC when exposed.
import type { ExporterPlugin } from "../plugins/define-plugin";

const admin = { kind: "user" as const, id: 0, name: "bench", role: "admin" as const };

export interface ExportRun { ms: number; chunks: number; largestKb: number; bytes: number; rssGrowthMb: number; text?: string }

export async function exportOnce(exporter: ExporterPlugin, params: Record<string, string>, keepText = false): Promise<ExportRun> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const t0 = performance.now();
  const download = await exporter.run({ actor: admin, params: new URLSearchParams(params) });
  let chunks = 0;
  let largest = 0;
  let bytes = 0;
  const parts: Array<string | Uint8Array> = [];
  for await (const chunk of download.body) {
    chunks++;
    largest = Math.max(largest, chunk.length);
    bytes += chunk.length;
    if (keepText) parts.push(chunk);
  }
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const text = keepText ? parts.map((p) => (typeof p === "string" ? p : Buffer.from(p).toString("utf8"))).join("") : undefined;
  return { ms, chunks, largestKb: largest / 1024, bytes, rssGrowthMb: (peak - before) / 1e6, text };
}

/** Median time of three runs after one warm-up (a running server has compiled its queries already); the largest RSS growth of all four. */
export async function timeExport(exporter: ExporterPlugin, params: Record<string, string>): Promise<ExportRun> {
  const warm = await exportOnce(exporter, params);
  const runs = [await exportOnce(exporter, params), await exportOnce(exporter, params), await exportOnce(exporter, params)];
  const median = [...runs].sort((a, b) => a.ms - b.ms)[1];
  return { ...median, rssGrowthMb: Math.max(warm.rssGrowthMb, ...runs.map((r) => r.rssGrowthMb)) };
}
