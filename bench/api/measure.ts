// Timing helpers: medians over repeated HTTP calls, after warm-up.

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-th percentile (0–100) of `xs`, nearest rank. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Median wall time (ms) of `runs` sequential calls after `warmup` calls; each call must succeed. */
export async function p50(call: () => Promise<Response>, runs: number, warmup = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const res = await call();
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`HTTP ${res.status} from ${res.url}`);
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return median(times);
}

export const ms = (x: number) => (x < 1 ? `${x.toFixed(2)} ms` : `${x.toFixed(1)} ms`);
