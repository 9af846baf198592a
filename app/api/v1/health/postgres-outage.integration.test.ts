import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "@/tests/api/client";
import * as health from "@/app/api/v1/health/route";
import * as networks from "@/app/api/v1/networks/route";
import * as allocate from "@/app/api/v1/ip/networks/[id]/allocate/route";
import { disconnectDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { startCluster, type Cluster } from "@/lib/db/pg-cluster";
import { overrideEnv } from "@/lib/env";

// PostgreSQL going away under a running instance: a request whose
// connection is cut mid-transaction, then the server stopped. Every answer
// is a quick 503 with the error envelope, never a hang or a 500. The file
// runs its own throwaway server, on both test runs, because it stops it.

let cluster: Cluster;
let databaseUrl: string;
let token: string;

beforeAll(async () => {
  cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE ipam_outage");
  await admin.end();
  databaseUrl = cluster.adminUrl.replace(/\/postgres$/, "/ipam_outage");
  await migrateDatabase(databaseUrl);
  overrideEnv({ DATABASE_URL: databaseUrl });
  token = await tokenFor("editor");
});

afterAll(async () => {
  await disconnectDb();
  cluster?.stop();
});

const timed = async <T>(work: Promise<T>) => {
  const started = Date.now();
  const result = await work;
  return { result, ms: Date.now() - started };
};

describe("PostgreSQL outage", () => {
  it("a connection cut while an allocation waits for its network's lock answers 503; the next request reconnects", async () => {
    const created = await call(networks.POST, "POST", "/networks", { token, body: { network: "10.90.0.0/24" } });
    const id = String(created.body.id);
    // Another instance holds the network's lock (lib/db/raw/locks.ts), so our allocation waits inside its transaction.
    const other = new pg.Client({ connectionString: databaseUrl });
    await other.connect();
    await other.query("BEGIN");
    await other.query("SELECT pg_advisory_xact_lock($1::int, $2::int)", [0x6970616d, Number(id)]);
    const pending = timed(call(allocate.POST, "POST", "", { token, params: { id }, body: {} }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cut = await other.query("SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'ipam' AND datname = 'ipam_outage'");
    expect(cut.rows[0].n).toBeGreaterThan(0);
    const { result, ms } = await pending;
    await other.query("ROLLBACK");
    await other.end();
    expect(result.status).toBe(503);
    expect(result.body.error).toMatchObject({ code: "database_unavailable" });
    expect(ms).toBeLessThan(5_000);
    const again = await call(allocate.POST, "POST", "", { token, params: { id }, body: {} });
    expect(again.status).toBe(201);
    expect(again.body.ip_address).toBe("10.90.0.1");
  });

  it("a server that accepts connections but never answers: 503 after the 5 s connect timeout, not a hang", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    await disconnectDb();
    overrideEnv({ DATABASE_URL: `postgresql://ipam:s3cret-pw@127.0.0.1:${port}/ipam` });
    try {
      const list = await timed(call(networks.GET, "GET", "/networks", { token }));
      expect(list.result.status).toBe(503);
      expect(list.result.body.error.code).toBe("database_unavailable");
      expect(list.ms).toBeLessThan(8_000);
      const probe = await timed(call(health.GET as never, "GET", "/health"));
      expect(probe.result.status).toBe(503);
      expect(probe.ms).toBeLessThan(8_000);
    } finally {
      await disconnectDb();
      overrideEnv({ DATABASE_URL: databaseUrl });
      silent.close();
    }
  }, 30_000);

  it("with the server stopped, health and the API answer 503 within seconds", async () => {
    cluster.stop();
    const probe = await timed(call(health.GET as never, "GET", "/health"));
    expect(probe.result.status).toBe(503);
    expect(probe.result.body).toEqual({ status: "unavailable", engine: "postgresql", database: "unreachable" });
    const list = await timed(call(networks.GET, "GET", "/networks", { token }));
    expect(list.result.status).toBe(503);
    expect(list.result.body.error.code).toBe("database_unavailable");
    expect(JSON.stringify(list.result.body)).not.toContain(String(cluster.port));
    expect(Math.max(probe.ms, list.ms)).toBeLessThan(6_000);
  });
});
