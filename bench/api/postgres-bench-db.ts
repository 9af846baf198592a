import pg from "pg";
import { generateToken, hashToken } from "../../lib/auth/token-hash";
import { migrateDatabase } from "../../lib/db/migrate-database";
import { formatValue, sortKeyOf } from "../../lib/ipam";
import { KEYSET_BATCH, type BenchDb } from "./bench-db";
import { median } from "./measure";
import type { PgServer } from "./postgres-server";

// The same dataset as sqlite-bench-db, in a fresh database migrated by the
// app's own PostgreSQL migrations. Hosts go in as two text arrays per
// statement (unnest), 50,000 rows at a time: one round trip per batch.

const ROWS_PER_STATEMENT = 50_000;

/** A PostgreSQL bench database; `client` is its seeding connection, for PostgreSQL-only suites. */
export type PgBenchDb = BenchDb & {
  client: pg.Client;
  /** Many networks in one statement; ids in the order given. */
  addNetworks(prefixes: Array<{ first: bigint; cidr: number; name: string }>): Promise<number[]>;
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
    async addNetwork(first, cidr, name) {
      return (await db.addNetworks([{ first, cidr, name }]))[0];
    },
    async addNetworks(prefixes) {
      const column = (f: (p: (typeof prefixes)[number]) => string | number) => prefixes.map(f);
      const last = (p: (typeof prefixes)[number]) => p.first + 2n ** BigInt(32 - p.cidr) - 1n;
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO networks (network, cidr, family, start_key, end_key, name, updated_at)
         SELECT n, c, 4, s, e, m, now() FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(n, c, s, e, m, o)
         ORDER BY o RETURNING id`,
        [
          column((p) => formatValue(4, p.first)), column((p) => p.cidr), column((p) => sortKeyOf(4, p.first)),
          column((p) => sortKeyOf(4, last(p))), column((p) => p.name),
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
    async rawScan(first, last) {
      const text = "SELECT ip_key FROM hosts WHERE ip_key > $1 AND ip_key <= $2 ORDER BY ip_key LIMIT $3";
      const hi = sortKeyOf(4, last);
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        const t0 = performance.now();
        let cursor = sortKeyOf(4, first);
        for (;;) {
          // A named statement is prepared once per connection, as a server-side driver would.
          const { rows } = await client.query<string[]>({ name: "bench-keyset", text, values: [cursor, hi, KEYSET_BATCH], rowMode: "array" });
          if (!rows.length) break;
          cursor = rows[rows.length - 1][0];
        }
        times.push(performance.now() - t0);
      }
      return median(times);
    },
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
