import type { BenchDb } from "./bench-db";
import { SLASH8_LAST, SLASH8_NEXT_FREE, TEN, seedPhase2, type Dataset } from "./dataset";
import type { Figure } from "./figure";
import { measureDeepPages } from "./deep-pages";
import { allocate, fetchRetry } from "./http";
import { ms, p50 } from "./measure";

// The REST API cases, the same on either engine: phase 1 at 100,000 hosts,
// then phase 2 grows the /8 to 1,000,000 hosts under the running server.

export async function measureApiCases(db: BenchDb, url: string, data: Dataset): Promise<Figure[]> {
  const headers = { authorization: `Bearer ${data.token}` };
  const get = (p: string) => () => fetchRetry(`${url}/api/v1${p}`, { headers });
  const figures: Figure[] = [];
  // What any request costs on this machine right now (no auth, one database ping): read the other figures against it.
  const baseline = await p50(() => fetchRetry(`${url}/api/v1/health`, {}), 50);
  figures.push({ case: "GET /health: baseline request overhead", goal: "–", value: baseline, display: ms(baseline), ok: true, info: true });
  // The first list requests of a fresh process warm Prisma's query compiler and the pool: not what is measured.
  const list = await p50(get("/hosts?per_page=50&sort=ip_address"), 50, 20);
  figures.push({ case: "GET /hosts?per_page=50&sort=ip_address (100,000 hosts)", goal: "p50 < 30 ms", value: list, display: ms(list), ok: list < 30 });

  await seedPhase2(db, data);
  const cold = performance.now();
  await (await get(`/networks/${data.slash8}`)()).json();
  const coldMs = performance.now() - cold;
  const one = await p50(get(`/networks/${data.slash8}`), 50);
  figures.push({
    case: "GET /networks/{id}, /8 with 1,000,000 hosts", goal: "p50 < 50 ms", value: one,
    // The counts are kept (network_counts): the first read after a write costs what the others do.
    display: `${ms(one)} (first, right after seeding: ${ms(coldMs)})`, ok: one < 50 && coldMs < 50,
  });

  // The used run is crossed on the occupancy summary (host_blocks): the first
  // call after a write costs what the others do, whatever the fill.
  const coldNext = performance.now();
  await (await get(`/ip/networks/${data.slash8}/next-ip`)()).json();
  const coldNextMs = performance.now() - coldNext;
  const worst = await p50(get(`/ip/networks/${data.slash8}/next-ip`), 9, 2);
  const scan = await db.rawScan(TEN, SLASH8_LAST);
  figures.push({
    case: "next-ip in the /8, first gap after 1,000,000 hosts", goal: "< 15 ms over HTTP, first call after a write too", value: worst,
    display: `${ms(worst)} (first after a write: ${ms(coldNextMs)}; a raw keyset scan of the used run, for scale: ${ms(scan)})`,
    ok: coldNextMs < 15 && worst < 15,
  });
  const answer = await (await get(`/ip/networks/${data.slash8}/next-ip`)()).json();
  if (answer.ip_address !== SLASH8_NEXT_FREE) throw new Error(`next-ip answered ${JSON.stringify(answer)}`);

  const fast = await p50(get(`/ip/networks/${data.early}/next-ip`), 50);
  figures.push({ case: "next-ip, first gap early", goal: "p50 < 10 ms", value: fast, display: ms(fast), ok: fast < 10 });

  const big = await p50(get("/hosts?per_page=50&sort=ip_address"), 20);
  figures.push({ case: "GET /hosts?per_page=50&sort=ip_address at 1,001,000 hosts", goal: "–", value: big, display: ms(big), ok: true, info: true });
  figures.push(...(await measureDeepPages(url, data)));

  figures.push(await concurrentAllocations(url, data.token, data.pool));
  return figures;
}

async function concurrentAllocations(url: string, token: string, networkId: number): Promise<Figure> {
  // One call first, as the other cases warm up: Next loads a route's module on
  // its first request (~300 ms here), which is start-up, not allocation, cost.
  const warm = await allocate(url, token, networkId);
  if (warm.status !== 201) throw new Error(`warm-up allocation failed: HTTP ${warm.status}`);
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: 200 }, () => allocate(url, token, networkId)));
  const rate = 200 / ((performance.now() - t0) / 1000);
  const errors = results.filter((r) => r.status !== 201).length;
  const distinct = new Set(results.map((r) => r.address).filter(Boolean)).size;
  return {
    case: "200 concurrent allocations, one network", goal: "200 distinct, 0 errors, ≥ 100/s", value: rate, higherIsBetter: true,
    display: `${distinct} distinct, ${errors} errors, ${rate.toFixed(0)}/s`, ok: distinct === 200 && errors === 0 && rate >= 100,
  };
}
