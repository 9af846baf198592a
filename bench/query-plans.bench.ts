// `npm run bench -- query-plans`: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL of
// the hot raw queries of lib/db/raw, on a database seeded with 1,000,000 hosts
// in a /8 and 100,000 in a /12 (with DNS names), among 10,004 networks. Prints each plan (the text in
// docs/database.md) and a table saying whether each is an index (only) scan.
// Runs on DATABASE_URL's server when it names one, else on a throwaway cluster.
import type { Tx } from "../lib/db/client";
import { countHostsInRanges, countNetworkHosts, innermostNetworkId, keyReader } from "../lib/db/raw";
import { hostNameClaims, hostNameSourcesInRange } from "../lib/db/raw/host-names";
import { loadEnv, overrideEnv } from "../lib/env";
import { sortKeyOf } from "../lib/ipam";
import type { BenchRow } from "./api/figure";
import { postgresBenchDb } from "./api/postgres-bench-db";
import { openPgServer } from "./api/postgres-server";
import { statementOf } from "./plans/recorder";

const TEN = 0x0a000000n;
const TEN_LAST = TEN + 2n ** 24n - 1n;
const SLASH12 = 0xac100000n; // 172.16.0.0/12
const SLASH12_LAST = SLASH12 + 2n ** 20n - 1n;
const CGNAT = 0x64400000n; // 100.64.0.0/10 holds the sibling /24s
const SIBLINGS = 10_000;
const key = (v: bigint) => sortKeyOf(4, v);

interface HotQuery { name: string; call: (tx: Tx) => Promise<unknown> }

const hotQueries = (subnet: { lo: string; hi: string }): HotQuery[] => [
  { name: "next free: keyset page of keys in the /8 (5000 after a cursor)", call: (tx) => keyReader(tx).keysAfter(key(TEN + 500_000n), key(TEN_LAST), 5000) },
  { name: "next free: full blocks of 65,536 in the /8 (occupancy summary)", call: (tx) => keyReader(tx).blocks(2, key(TEN).slice(0, 29), key(TEN_LAST).slice(0, 29), 1024) },
  { name: "next free: full blocks of 256 in a /16 (occupancy summary)", call: (tx) => keyReader(tx).blocks(1, key(TEN).slice(0, 31), key(TEN + 65_535n).slice(0, 31), 1024) },
  { name: "hosts inside a network: a page of the /12 by ip_key, with its network", call: (tx) => hostNameSourcesInRange(tx, { lo: key(SLASH12), hi: key(SLASH12_LAST) }, key(SLASH12 + 50_000n), 500) },
  {
    name: "counts per network: hosts in the /8, the /12 and a /24 (one statement)",
    call: (tx) => countHostsInRanges([{ lo: key(TEN), hi: key(TEN_LAST) }, { lo: key(SLASH12), hi: key(SLASH12_LAST) }, subnet], tx),
  },
  {
    name: "kept counts: hosts in the /8, the /12 and a /24 (sums over network_counts, one statement)",
    call: (tx) => countNetworkHosts([{ lo: key(TEN), hi: key(TEN_LAST) }, { lo: key(SLASH12), hi: key(SLASH12_LAST) }, subnet], tx),
  },
  { name: "innermost network holding an address", call: (tx) => innermostNetworkId(tx, key(TEN + 0x010203n)) },
  { name: "host_names: claims of 3 FQDNs", call: (tx) => hostNameClaims(tx, ["h1000.bench.example", "h50000.bench.example", "nobody.bench.example"]) },
];

/** "Index Only Scan using hosts_ip_key_key" from a plan line, or "" when the line scans no table. */
function scanOf(line: string): string {
  const m = /(Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)( Backward)? (?:using (\S+) )?on (\S+)/.exec(line);
  if (!m) return "";
  return m[3] ? `${m[1]}${m[2] ?? ""} using ${m[3]}` : `${m[1]} on ${m[4]}`;
}

export async function runQueryPlansBench(): Promise<BenchRow[]> {
  const server = await openPgServer();
  const db = await postgresBenchDb(server);
  // lib/db/raw picks its dialect from DATABASE_URL: the recorded SQL is PostgreSQL's.
  const original = loadEnv().DATABASE_URL;
  overrideEnv({ DATABASE_URL: db.url });
  const rows: BenchRow[] = [];
  try {
    console.log("  seeding 1,000,000 hosts in 10.0.0.0/8 and 100,000 named hosts in 172.16.0.0/12, 10,004 networks");
    const slash8 = await db.addNetwork(TEN, 8, "plans /8");
    const slash12 = await db.addNetwork(SLASH12, 12, "plans /12");
    await db.addNetwork(TEN + 0x010000n, 16, "nested /16");
    await db.addNetwork(TEN + 0x010200n, 24, "nested /24");
    // An organisation's worth of networks, so the planner sees a networks table of realistic size.
    await db.addNetworks(Array.from({ length: SIBLINGS }, (_, i) => ({ first: CGNAT + BigInt(i) * 256n, cidr: 24, name: `sibling /24 ${i}` })));
    await db.addHosts(slash8, TEN + 1n, 1_000_000);
    await db.addHosts(slash12, SLASH12 + 1n, 100_000);
    await db.client.query(`INSERT INTO host_names (host_id, fqdn, kind) SELECT id, 'h' || (id - $2) || '.bench.example', 'hostname' FROM hosts WHERE network_id = $1`, [slash12, 1_000_000]);
    // The foreign-key checks of that insert lock host rows, which clears their
    // pages' all-visible bits: vacuum again, as autovacuum would on a live server.
    for (const table of ["hosts", "host_names", "networks"]) await db.client.query(`VACUUM (ANALYZE) ${table}`);
    const subnet = { lo: key(TEN + 0x010200n), hi: key(TEN + 0x0102ffn) };
    for (const q of hotQueries(subnet)) {
      const sql = await statementOf(q.call);
      try {
        // Run once first: the figures are those of a warm cache, as on a serving instance.
        await db.client.query(sql.text, sql.values as unknown[]);
        const plan = await db.client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values as unknown[]);
        const lines = plan.rows.map((r) => r["QUERY PLAN"]);
        console.log(`\n-- ${q.name}\n${sql.text.trim().replace(/\s+\n/g, "\n")}\n-- ${JSON.stringify(sql.values)}\n${lines.join("\n")}`);
        const scans = [...new Set(lines.map(scanOf).filter(Boolean))];
        const seq = lines.filter((l) => /Seq Scan on (hosts|networks|host_names)\b/.test(l));
        rows.push({ case: q.name, goal: "index (only) scans, no Seq Scan on a table", measured: `${scans.join("; ") || "(no table scan)"} (${/Execution Time: (.*)/.exec(lines.join("\n"))?.[1] ?? "?"})`, ok: seq.length === 0 });
      } catch (error) {
        rows.push({ case: q.name, goal: "index (only) scans, no Seq Scan on a table", measured: `failed on PostgreSQL: ${(error as Error).message}`, ok: false });
      }
    }
  } finally {
    overrideEnv({ DATABASE_URL: original });
    await db.close();
    await server.stop();
  }
  return rows;
}
