import { capacity, formatValue, parseAddress, sortKeyOf, usableRange, type Prefix } from "../../lib/ipam";
import type { BenchDb } from "./bench-db";
import { PHASE1_V4, PHASE2, SLASH8_NEXT_FREE, TEN, V6_48, V6_HOSTS, phase1Hosts, v6Hosts, type Dataset } from "./dataset";
import type { Figure } from "./figure";
import { measureDeepPages } from "./deep-pages";
import { fetchRetry, timedAfterWrites } from "./http";
import { measureLoad } from "./load-cases";
import { median, ms, p50 } from "./measure";
import { baselineOf, rawCount, rawNextFree } from "./raw-baselines";
import { importInBulk, importOverHttp } from "./seeding";

// The REST API cases, the same on either engine, each beside the strongest
// raw figure for the same answer measured on the same database in the same
// run: phase 1 (100,000 IPv4 hosts and 100,000 IPv6 hosts imported over
// HTTP), then phase 2 grows the /8 to 1,000,000 hosts under the running server.

const SLASH8: Prefix = { family: 4, network: TEN, length: 8 };
const SLASH48: Prefix = { family: 6, network: V6_48, length: 48 };
const EARLY: Prefix = { family: 4, network: 0x0b000000n, length: 16 };
const n = (x: number) => x.toLocaleString("en-US");

export interface EngineContext { db: BenchDb; url: string; data: Dataset; dataDir: string; log: (line: string) => void }

export async function measureApiCases({ db, url, data, dataDir, log }: EngineContext): Promise<Figure[]> {
  const headers = { authorization: `Bearer ${data.token}` };
  const get = (p: string) => () => fetchRetry(`${url}/api/v1${p}`, { headers });
  const json = async (p: string) => (await get(p)()).json();
  const figures: Figure[] = [];

  const imported = await importCases(db, url, data, log);
  figures.push(...imported.figures);
  // What any request costs on this machine right now (no auth, one database ping): read the other figures against it.
  const health = await p50(() => fetchRetry(`${url}/api/v1/health`, {}), 50);
  figures.push({ case: "GET /health: request overhead", goal: "–", value: health, display: ms(health), ok: true, info: true });
  // The first list requests of a fresh process warm Prisma's query compiler and the pool: not what is measured.
  const list = await p50(get("/hosts?per_page=50&sort=ip_address"), 50, 20);
  figures.push({ case: `GET /hosts?per_page=50&sort=ip_address (${n(PHASE1_V4 + V6_HOSTS)} hosts)`, goal: "p50 < 30 ms", value: list, display: ms(list), ok: list < 30 });

  const overHttpS = (PHASE2.count / imported.hostsPerSecond).toFixed(0);
  // The route's first call in a process compiles its code and Prisma's query
  // plans (~90 ms on PostgreSQL, whichever network): done here on another
  // network, so that the /8's first read after seeding measures its data.
  await (await get(`/networks/${data.early}`)()).json();
  log(`[${db.engine}] phase 2: ${n(PHASE2.count)} more hosts through the import's transaction and writer (the HTTP import would take ~${overHttpS} s at its rate just measured)`);
  const bulkMs = await importInBulk(db.url, dataDir, data.slash8, PHASE2.first, PHASE2.count);
  figures.push({
    case: `seeding ${n(PHASE2.count)} hosts through the import's transaction and writer (no file, no rule checks)`, goal: "–",
    display: `${(bulkMs / 1000).toFixed(1)} s; the whole HTTP import path would take ~${overHttpS} s at the rate measured above`,
    ok: true, info: true,
  });

  figures.push(await networkCase(db, get, data.slash8, SLASH8, PHASE1_V4 - 1000 + PHASE2.count, "/8 with 1,000,000 hosts", "p50 < 50 ms", 50));

  // The used run is crossed on the occupancy summary (host_blocks): the first
  // call after a write costs what the others do, whatever the fill. The very
  // first call after seeding 901,000 hosts is shown beside it (cold caches).
  const seededNext = performance.now();
  await (await get(`/ip/networks/${data.slash8}/next-ip`)()).json();
  const seededNextMs = performance.now() - seededNext;
  const worst = await p50(get(`/ip/networks/${data.slash8}/next-ip`), 9, 2);
  // Into the allocations network: the early /16 must keep its gap for the next case.
  const afterWrite = await timedAfterWrites(url, data.token, data.pool, () => get(`/ip/networks/${data.slash8}/next-ip`)());
  const afterWriteMs = median(afterWrite);
  const answer = await json(`/ip/networks/${data.slash8}/next-ip`);
  if (answer.ip_address !== SLASH8_NEXT_FREE) throw new Error(`next-ip answered ${JSON.stringify(answer)}`);
  const slash8 = usableRange(SLASH8);
  const raw8 = await rawNextFree(db.raw, 4, slash8.first, slash8.last, parseAddress(SLASH8_NEXT_FREE).value);
  figures.push({
    case: "next-ip in the /8, first gap after 1,000,000 hosts", goal: "< 15 ms over HTTP, first call after a write too", value: worst,
    display: `${ms(worst)} (first after a write, median of 5: ${ms(afterWriteMs)}; first after seeding 901,000 hosts: ${ms(seededNextMs)})`,
    ok: afterWriteMs < 15 && worst < 15, baseline: raw8.baseline(worst),
  });

  const fast = await p50(get(`/ip/networks/${data.early}/next-ip`), 50);
  const early = usableRange(EARLY);
  const rawEarly = await rawNextFree(db.raw, 4, early.first, early.last, EARLY.network + 10n);
  figures.push({ case: "next-ip, first gap early (/16, gap at its 10th address)", goal: "p50 < 10 ms", value: fast, display: ms(fast), ok: fast < 10, baseline: rawEarly.baseline(fast) });

  figures.push(await networkCase(db, get, data.slash48, SLASH48, V6_HOSTS, `IPv6 /48 with ${n(V6_HOSTS)} random hosts (capacity 2^80)`, "p50 < 50 ms, exact", 50));
  const v6 = v6Hosts();
  const v6Answer = await json(`/ip/networks/${data.slash48}/next-ip`);
  if (v6Answer.ip_address !== formatValue(6, v6.nextFree)) throw new Error(`IPv6 next-ip answered ${JSON.stringify(v6Answer)}`);
  const next6 = await p50(get(`/ip/networks/${data.slash48}/next-ip`), 30);
  const range48 = usableRange(SLASH48);
  const raw6 = await rawNextFree(db.raw, 6, range48.first, range48.last, v6.nextFree);
  figures.push({ case: `next-ip in the IPv6 /48 (${n(V6_HOSTS)} random hosts)`, goal: "p50 < 10 ms", value: next6, display: ms(next6), ok: next6 < 10, baseline: raw6.baseline(next6) });

  const big = await p50(get("/hosts?per_page=50&sort=ip_address"), 20);
  figures.push({ case: `GET /hosts?per_page=50&sort=ip_address at ${n(PHASE1_V4 + V6_HOSTS + PHASE2.count)} hosts`, goal: "–", value: big, display: ms(big), ok: true, info: true });
  figures.push(...(await measureDeepPages(url, data)));
  figures.push(...(await measureLoad(url, data)));
  return figures;
}

/** GET /networks/{id}: its exact counts against a raw COUNT(*) of the same range (the app keeps counts: it should beat it). */
async function networkCase(
  db: BenchDb, get: (p: string) => () => Promise<Response>, id: number, prefix: Prefix, expectUsed: number, what: string, goal: string, goalMs: number,
): Promise<Figure> {
  const cold = performance.now();
  const body = await (await get(`/networks/${id}`)()).json();
  const coldMs = performance.now() - cold;
  if (Number(body.used_hosts) !== expectUsed || String(body.total_hosts) !== capacity(prefix).toString()) {
    throw new Error(`GET /networks/${id}: used ${body.used_hosts} of ${body.total_hosts}, expected ${expectUsed} of ${capacity(prefix)}`);
  }
  const one = await p50(get(`/networks/${id}`), 50);
  const last = prefix.network + capacity(prefix) - 1n;
  const raw = await rawCount(db.raw, sortKeyOf(prefix.family, prefix.network), sortKeyOf(prefix.family, last));
  return {
    case: `GET /networks/{id}, ${what}`, goal, value: one,
    // The counts are kept (network_counts): the first read after a write costs what the others do.
    display: `${ms(one)} (first, right after seeding: ${ms(coldMs)})`, ok: one < goalMs && coldMs < goalMs,
    baseline: baselineOf(raw.ms, "raw COUNT(*) of its range")(one),
  };
}

/** Phase 1 through the app's import: the IPv4 file timed against a raw bulk insert of the same rows; then the IPv6 file. */
async function importCases(db: BenchDb, url: string, data: Dataset, log: (line: string) => void): Promise<{ figures: Figure[]; hostsPerSecond: number }> {
  const hosts = phase1Hosts();
  log(`[${db.engine}] importing ${n(hosts.length)} IPv4 hosts over HTTP (raw bulk insert of the same rows first, rolled back)`);
  const rawMs = await db.rawInsertHosts(data.slash8, hosts);
  const v4 = await importOverHttp(url, data.token, hosts);
  log(`[${db.engine}] importing ${n(V6_HOSTS)} random IPv6 hosts over HTTP`);
  const v6 = await importOverHttp(url, data.token, v6Hosts().hosts);
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  const hostsPerSecond = hosts.length / (v4.ms / 1000);
  const figures: Figure[] = [
    {
      case: `import ${n(hosts.length)} hosts with names and MACs (CSV over HTTP, change log on)`, goal: "< 20 s", value: v4.ms,
      display: `${s(v4.ms)} (${hostsPerSecond.toFixed(0)} hosts/s)`, ok: v4.ms < 20_000,
      baseline: { display: `${s(rawMs)} raw driver bulk insert of the same hosts and name rows`, ratio: v4.ms / rawMs },
    },
    { case: `import ${n(V6_HOSTS)} random IPv6 hosts (CSV over HTTP)`, goal: "–", value: v6.ms, display: s(v6.ms), ok: true, info: true },
  ];
  return { figures, hostsPerSecond };
}
