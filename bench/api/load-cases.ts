import type { Dataset } from "./dataset";
import type { Figure } from "./figure";
import { burst, closedLoop, errorsOf, percentiles, serverErrorsOf, type Call, type LoadResult } from "./load";
import { ms } from "./measure";

// Latency under concurrency (issue 15, requirements 3 and 5): the main reads
// from 8 keep-alive clients, each beside GET /health under the same load
// measured just before it (what any request costs the server right now);
// then allocation: 200 calls from 8 keep-alive clients against 200 health
// calls, and one burst of 200 on fresh connections.

const CLIENTS = 8;
const READS = 400;
const ALLOCATIONS = 200;

const addresses = (r: LoadResult) => r.bodies.map((b) => (JSON.parse(b) as { ip_address?: string }).ip_address).filter(Boolean);

export async function measureLoad(url: string, data: Dataset): Promise<Figure[]> {
  const { token } = data;
  const health: Call = { path: "/api/v1/health" };
  const figures: Figure[] = [];
  const reads: Array<[string, string, number?]> = [
    ["GET /hosts?per_page=50", "/api/v1/hosts?per_page=50"],
    [`GET /networks/{id} (the /8)`, `/api/v1/networks/${data.slash8}`],
    ["GET next-ip in the /8", `/api/v1/ip/networks/${data.slash8}/next-ip`],
    // Issue 15.5: deep pages under `wrk -c8` p50 < 40 ms.
    ["GET /hosts?per_page=50&page=10000", "/api/v1/hosts?per_page=50&page=10000", 40],
  ];
  for (const [name, path, goalMs] of reads) {
    const base = await closedLoop(url, health, READS, CLIENTS);
    const r = await closedLoop(url, { path, token }, READS, CLIENTS);
    const errors = errorsOf(r, 200);
    figures.push({
      case: `${name}, ${READS} calls from ${CLIENTS} keep-alive clients`, goal: goalMs ? `p50 < ${goalMs} ms, 0 errors` : "0 errors", value: r.p50,
      display: `${percentiles(r)}${errors ? `, ${errors} errors` : ""}`, ok: errors === 0 && (!goalMs || r.p50 < goalMs),
      baseline: { display: `GET /health under the same load: ${percentiles(base)}`, ratio: r.p50 / base.p50 },
    });
  }

  const allocate: Call = { method: "POST", path: `/api/v1/ip/networks/${data.pool}/allocate`, token, body: "{}" };
  // One call first: Next loads a route's module on its first request, start-up cost, not allocation.
  const warm = await closedLoop(url, allocate, 1, 1, true);
  if (errorsOf(warm, 201)) throw new Error(`warm-up allocation failed: ${warm.bodies[0]}`);
  const handedOut = new Set(addresses(warm));
  const check = (r: LoadResult) => {
    const got = addresses(r);
    const duplicates = got.filter((a) => handedOut.has(a!)).length + (got.length - new Set(got).size);
    for (const a of got) handedOut.add(a!);
    return { errors: errorsOf(r, 201), fivexx: serverErrorsOf(r), duplicates };
  };
  // The route's code runs cold the first time (the JIT has not compiled it yet), while /health has
  // been called thousands of times by now: the first 200 are shown, the goal is judged on the next
  // 200, what a server that has been allocating answers. Both are checked for duplicates and errors.
  const first = await closedLoop(url, allocate, ALLOCATIONS, CLIENTS, true);
  const c = check(first);
  const base = await closedLoop(url, health, ALLOCATIONS, CLIENTS);
  const kept = await closedLoop(url, allocate, ALLOCATIONS, CLIENTS, true);
  const k = check(kept);
  k.duplicates += c.duplicates;
  k.errors += c.errors;
  const vsHealth = kept.totalMs / base.totalMs;
  figures.push({
    case: `${ALLOCATIONS} allocations into one network from ${CLIENTS} keep-alive clients`,
    goal: "≥ 600/s, ≤ 1.5x the time of as many GET /health, 0 duplicates, 0 errors", value: kept.perSecond, higherIsBetter: true,
    display: `${percentiles(kept)} (the first 200 after start: ${first.perSecond.toFixed(0)}/s); ${k.duplicates} duplicates, ${k.errors} errors over both`,
    ok: kept.perSecond >= 600 && vsHealth <= 1.5 && k.duplicates === 0 && k.errors === 0,
    baseline: { display: `${ALLOCATIONS} GET /health from the same clients: ${ms(base.totalMs)} (${base.perSecond.toFixed(0)}/s)`, ratio: vsHealth },
  });
  const healthBurst = await burst(url, health, ALLOCATIONS);
  const fresh = await burst(url, allocate, ALLOCATIONS);
  const f = check(fresh);
  figures.push({
    case: `one burst of ${ALLOCATIONS} allocations on fresh connections`, goal: "p50 < 400 ms, 0 duplicates, no 5xx", value: fresh.p50,
    display: `${percentiles(fresh)}; ${f.duplicates} duplicates, ${f.errors} errors (${f.fivexx} 5xx)`,
    ok: fresh.p50 < 400 && f.duplicates === 0 && f.fivexx === 0,
    baseline: { display: `a burst of ${ALLOCATIONS} GET /health: ${percentiles(healthBurst)}`, ratio: fresh.p50 / healthBurst.p50 },
  });
  return figures;
}
