import http from "node:http";
import { percentile } from "./measure";

// Latency under concurrency, as `wrk -c8` measures it but with node:http, so
// the benchmark needs nothing beyond npm: `clients` keep-alive connections,
// each sending its next request as soon as the previous answer is read, until
// `calls` requests are done. A burst instead opens one fresh connection per
// request, all at once (what a fleet of scripts starting together does).

export interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  /** Wall time of all the calls, ms. */
  totalMs: number;
  perSecond: number;
  /** Answers by HTTP status. */
  statuses: Map<number, number>;
  bodies: string[];
}

export interface Call { method?: "GET" | "POST"; path: string; token?: string; body?: string }

function send(base: string, call: Call, agent: http.Agent | false): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const headers: http.OutgoingHttpHeaders = {};
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    if (call.body !== undefined) headers["content-type"] = "application/json";
    const req = http.request(`${base}${call.path}`, { method: call.method ?? "GET", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - t0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(call.body);
  });
}

function summarize(times: number[], totalMs: number, statuses: Map<number, number>, bodies: string[]): LoadResult {
  return {
    p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99),
    totalMs, perSecond: times.length / (totalMs / 1000), statuses, bodies,
  };
}

/** `calls` requests from `clients` keep-alive connections; `keepBodies` when the answers are checked (allocations). */
export async function closedLoop(base: string, call: Call, calls: number, clients = 8, keepBodies = false): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const bodies: string[] = [];
  let left = calls;
  try {
    // One call per connection first: the sockets are open before the clock starts.
    await Promise.all(Array.from({ length: clients }, () => send(base, { path: "/api/v1/health" }, agent)));
    const t0 = performance.now();
    await Promise.all(Array.from({ length: clients }, async () => {
      while (left > 0) {
        left--;
        const r = await send(base, call, agent);
        times.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (keepBodies) bodies.push(r.body);
      }
    }));
    return summarize(times, performance.now() - t0, statuses, bodies);
  } finally {
    agent.destroy();
  }
}

/** `calls` requests at once, each on a fresh connection. */
export async function burst(base: string, call: Call, calls: number): Promise<LoadResult> {
  const statuses = new Map<number, number>();
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: calls }, () => send(base, call, false)));
  const totalMs = performance.now() - t0;
  for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  return summarize(results.map((r) => r.ms), totalMs, statuses, results.map((r) => r.body));
}

export const percentiles = (r: LoadResult) => `p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, ${r.perSecond.toFixed(0)}/s`;
export const errorsOf = (r: LoadResult, ok: number) => [...r.statuses].filter(([s]) => s !== ok).reduce((n, [, c]) => n + c, 0);
export const serverErrorsOf = (r: LoadResult) => [...r.statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
