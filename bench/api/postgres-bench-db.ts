import pg from "pg";
import { generateToken, hashToken } from "../../lib/auth/token-hash";
import { migrateDatabase } from "../../lib/db/migrate-database";
import { formatValue, sortKeyOf, type Family } from "../../lib/ipam";
import type { BenchDb, RawReads, SeedHost } from "./bench-db";
import type { PgServer } from "./postgres-server";

// The same dataset as sqlite-bench-db, in a fresh database migrated by the
// app's own PostgreSQL migrations. Hosts go in as two text arrays per
// statement (unnest), 50,000 rows at a time: one round trip per batch.

const ROWS_PER_STATEMENT = 50_000;

/** A PostgreSQL bench database; `client` is its seeding connection, for PostgreSQL-only suites. */
export type PgBenchDb = BenchDb & {
  client: pg.Client;
  /** Many networks in one statement; ids in the order given. */
  addNetworks(prefixes: Array<{ first: bigint; cidr: number; name: string; family?: Family }>): Promise<number[]>;
};

export async function postgresBenchDb(server: PgServer): Promise<PgBenchDb> {
  const database = await server.createDatabase();
  await migrateDatabase(database.url);
  const client = new pg.Client({ connectionString: database.url, application_name: "ipam-bench" });
  await client.connect();
  // Index-only scans need the visibility map, which autovacuum keeps on a
  // live server; after a bulk load, set it (and the statistics) at once.
  const settle = () => client.query("VACUUM (ANALYZE) hosts");
  const db: PgBenchDb = {
    engine: "postgresql",
    url: database.url,
    client,
    async addNetwork(first, cidr, name, family) {
      return (await db.addNetworks([{ first, cidr, name, family }]))[0];
    },
    async addNetworks(prefixes) {
      const column = (f: (p: (typeof prefixes)[number]) => string | number) => prefixes.map(f);
      const family = (p: (typeof prefixes)[number]) => p.family ?? 4;
      const last = (p: (typeof prefixes)[number]) => p.first + 2n ** BigInt((family(p) === 4 ? 32 : 128) - p.cidr) - 1n;
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO networks (network, cidr, family, start_key, end_key, name, updated_at)
         SELECT n, c, f, s, e, m, now() FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[]) WITH ORDINALITY AS t(n, c, s, e, m, f, o)
         ORDER BY o RETURNING id`,
        [
          column((p) => formatValue(family(p), p.first)), column((p) => p.cidr), column((p) => sortKeyOf(family(p), p.first)),
          column((p) => sortKeyOf(family(p), last(p))), column((p) => p.name), column(family),
        ],
      );
      await client.query("ANALYZE networks");
      return rows.map((r) => r.id);
    },
    async addHosts(networkId, first, count, skip = []) {
      const skipped = new Set(skip);
      let v = first;
      for (let made = 0; made < count; ) {
        const addresses: string[] = [];
        const keys: string[] = [];
        for (; made < count && addresses.length < ROWS_PER_STATEMENT; v++) {
          if (skipped.has(v)) continue;
          addresses.push(formatValue(4, v));
          keys.push(sortKeyOf(4, v));
          made++;
        }
        await client.query(
          `INSERT INTO hosts (ip_address, ip_key, family, status, network_id, updated_at)
           SELECT a, k, 4, 'active', $3, now() FROM unnest($1::text[], $2::text[]) AS t(a, k)`,
          [addresses, keys, networkId],
        );
      }
      await settle();
    },
    async addToken() {
      const token = generateToken();
      await client.query(`INSERT INTO api_tokens (name, token_hash, token_hint, role) VALUES ('bench', $1, $2, 'editor')`, [
        hashToken(token), token.slice(0, 10),
      ]);
      return token;
    },
    raw: postgresRawReads(client),
    rawInsertHosts: (networkId, hosts) => rawInsertHosts(client, networkId, hosts),
    createEmpty: () => server.createDatabase(),
    async appConnections() {
      // lib/db/pg-pool names its connections "ipam".
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ipam'",
      );
      return rows[0].n;
    },
    async close() {
      await client.end();
      await database.drop();
    },
  };
  return db;
}

/** The raw reads of bench-db's RawReads, each a named statement (prepared once per connection, as a server-side driver would). */
function postgresRawReads(client: pg.Client): RawReads {
  // The low 16 hex digits of a key as a number: IPv4 keys fit whole; an IPv6 key's upper half must match as text.
  const low = (k: string) => `('x' || substr(${k}, 18))::bit(64)::bigint`;
  return {
    async keys(lo, hi, limit) {
      const text = "SELECT ip_key FROM hosts WHERE ip_key >= $1 AND ip_key <= $2 ORDER BY ip_key LIMIT $3";
      const { rows } = await client.query<string[]>({ name: "bench-keys", text, values: [lo, hi, limit], rowMode: "array" });
      return rows.map((r) => r[0]);
    },
    async countMax(lo, hi) {
      const text = "SELECT COUNT(*)::int AS count, MAX(ip_key) AS max FROM hosts WHERE ip_key >= $1 AND ip_key <= $2";
      return (await client.query<{ count: number; max: string | null }>({ name: "bench-count-max", text, values: [lo, hi] })).rows[0];
    },
    async leadGap(lo, hi) {
      const text = `SELECT k FROM (SELECT ip_key AS k, lead(ip_key) OVER (ORDER BY ip_key) AS nk FROM hosts WHERE ip_key >= $1 AND ip_key <= $2) s
        WHERE nk IS NULL OR substr(nk, 1, 17) <> substr(k, 1, 17) OR ${low("nk")} <> ${low("k")} + 1 LIMIT 1`;
      const { rows } = await client.query<{ k: string }>({ name: "bench-lead-gap", text, values: [lo, hi] });
      return rows[0]?.k ?? null;
    },
  };
}

/** Hosts and their hostname rows in statements of 50,000 (unnest), in one transaction, rolled back; answers the ms it took. */
async function rawInsertHosts(client: pg.Client, networkId: number, hosts: readonly SeedHost[]): Promise<number> {
  await client.query("BEGIN");
  try {
    const t0 = performance.now();
    for (let i = 0; i < hosts.length; i += ROWS_PER_STATEMENT) {
      const part = hosts.slice(i, i + ROWS_PER_STATEMENT);
      await client.query(
        `WITH h AS (INSERT INTO hosts (ip_address, ip_key, family, hostname, mac_address, status, network_id, updated_at)
           SELECT a, k, f, n, m, 'active', $6, now() FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) AS t(a, k, f, n, m)
           RETURNING id, hostname)
         INSERT INTO host_names (host_id, fqdn, kind) SELECT id, hostname, 'hostname' FROM h`,
        [part.map((h) => h.address), part.map((h) => h.key), part.map((h) => h.family), part.map((h) => h.hostname), part.map((h) => h.mac), networkId],
      );
    }
    return performance.now() - t0;
  } finally {
    await client.query("ROLLBACK");
  }
}
