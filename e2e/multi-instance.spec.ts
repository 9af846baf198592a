import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startCluster, type Cluster } from "../lib/db/pg-cluster";
import { admin, api, burst, startInstance, type Call, type Instance } from "./multi-instance-helpers";

const NO_API_LIMIT = { API_RATE_LIMIT: "0" };

// Two production servers on one database — PostgreSQL, and one SQLite
// file — with allocations spread over both: no address twice, no 5xx, a
// session and a token valid on either, and an instance killed mid-burst
// losing nothing it committed. Prints allocations/s for 1 vs 2 instances
// and 1 vs 2 networks.

test.describe.configure({ mode: "serial", timeout: 300_000 });

const user = { email: "multi@example.test", password: "multi-instance-pw" };

const fiveXx = (calls: Call[]) => calls.filter((c) => c.status >= 500 || c.failed).map((c) => `${c.status} ${c.error}`);
const addressesOf = (calls: Call[]) => calls.flatMap((c) => c.addresses);

function expectDistinct(calls: Call[], expected: number): void {
  expect(calls.filter((c) => c.status !== 201).map((c) => `${c.status} ${c.error}`)).toEqual([]);
  const addresses = addressesOf(calls);
  expect(addresses).toHaveLength(expected);
  expect(new Set(addresses).size).toBe(expected);
}

test.describe("two instances on one PostgreSQL database", () => {
  let cluster: Cluster;
  let url: string;
  let token: string;
  let a: Instance;
  let b: Instance;
  let db: pg.Client;

  test.beforeAll(async () => {
    cluster = await startCluster();
    const root = new pg.Client({ connectionString: cluster.adminUrl });
    await root.connect();
    await root.query("CREATE DATABASE ipam_multi");
    await root.end();
    url = cluster.adminUrl.replace(/\/postgres$/, "/ipam_multi");
    // The CLI migrates first, as `npm start` would.
    await admin(url, ["user", "create", "--email", user.email, "--password", user.password, "--role", "admin"]);
    token = await admin(url, ["token", "create", "--name", "multi", "--role", "editor"]);
    // One token makes ~1,600 calls here in well under a minute: the per-token
    // limit (its own tests are app/api/v1/rate-limit*) would cut the run short.
    [a, b] = await Promise.all([startInstance(url, NO_API_LIMIT), startInstance(url, NO_API_LIMIT)]);
    db = new pg.Client({ connectionString: url });
    await db.connect();
  });

  test.afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    cluster?.stop();
  });

  const network = async (prefix: string) => {
    const res = await api(a.base, token, "POST", "/networks", { network: prefix });
    expect(res.status).toBe(201);
    return res.body.id as number;
  };

  test("200 concurrent allocations into one network over both instances: 200 distinct addresses, no 5xx", async () => {
    const id = await network("10.40.0.0/22");
    const { calls } = await burst(token, [{ base: a.base, networkId: id }, { base: b.base, networkId: id }], 200, { concurrency: 200 });
    expectDistinct(calls, 200);
    expect(new Set(calls.map((c) => c.target))).toEqual(new Set([0, 1]));
    for (const instance of [a, b]) expect((await api(instance.base, token, "GET", `/networks/${id}`)).body.used_hosts).toBe(200);
    const listed = await api(b.base, token, "GET", `/networks/${id}/hosts?per_page=1000`);
    expect(listed.body.total).toBe(200);
  });

  test("a host created through one instance is visible through the other at once", async () => {
    await network("10.41.0.0/24");
    const made = await api(a.base, token, "POST", "/hosts", { ip_address: "10.41.0.7", hostname: "seen-on-b" });
    expect(made.status).toBe(201);
    const seen = await api(b.base, token, "GET", `/hosts/${made.body.id}`);
    expect(seen).toMatchObject({ status: 200, body: { ip_address: "10.41.0.7", hostname: "seen-on-b" } });
    const listed = await api(b.base, token, "GET", "/hosts?q=seen-on-b");
    expect(listed.body.total).toBe(1);
  });

  test("a session cookie and an API token work on both instances", async ({ page }) => {
    for (const instance of [a, b]) expect((await api(instance.base, token, "GET", "/networks")).status).toBe(200);
    // Sign in on A; the cookie (both listen on 127.0.0.1) is a JWT signed with the shared AUTH_SECRET.
    await page.goto(`${a.base}/login`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    for (const instance of [a, b]) {
      const res = await page.request.get(`${instance.base}/api/v1/networks`);
      expect(res.status()).toBe(200);
    }
    await page.goto(`${b.base}/networks`);
    await expect(page).toHaveURL(/\/networks$/);
  });

  test("throughput: 1 vs 2 instances, 1 vs 2 networks (2 instances × 2 networks do not serialize)", async () => {
    const n1 = await network("10.42.0.0/20");
    const n2 = await network("10.43.0.0/20");
    const cases = {
      "1 instance × 1 network": [{ base: a.base, networkId: n1 }],
      "2 instances × 1 network": [{ base: a.base, networkId: n1 }, { base: b.base, networkId: n1 }],
      "1 instance × 2 networks": [{ base: a.base, networkId: n1 }, { base: a.base, networkId: n2 }],
      "2 instances × 2 networks": [{ base: a.base, networkId: n1 }, { base: b.base, networkId: n2 }, { base: b.base, networkId: n1 }, { base: a.base, networkId: n2 }],
    };
    const figures: Record<string, number> = {};
    // Warm both instances (first-request compilation of routes, pool connections).
    await burst(token, cases["2 instances × 2 networks"], 40);
    for (const [name, targets] of Object.entries(cases)) {
      const { calls, perSecond } = await burst(token, targets, 400, { concurrency: 32 });
      expect(fiveXx(calls)).toEqual([]);
      figures[name] = Math.round(perSecond);
    }
    console.log(`PostgreSQL allocations/s: ${JSON.stringify(figures)}`);
    const stored = await db.query("SELECT count(*)::int AS n, count(DISTINCT ip_key)::int AS d FROM hosts WHERE network_id IN ($1, $2)", [n1, n2]);
    expect(stored.rows[0]).toEqual({ n: 40 + 4 * 400, d: 40 + 4 * 400 });
  });

  test("SIGKILL of one instance mid-burst loses no committed allocation and leaves no partial rows", async () => {
    const id = await network("10.44.0.0/22");
    const targets = [{ base: a.base, networkId: id }, { base: b.base, networkId: id }];
    // B dies with allocations in flight, once it has answered some: both committed-and-answered and cut-off calls exist.
    let killed: Promise<void> | undefined;
    const { calls } = await burst(token, targets, 300, {
      concurrency: 40, body: (i) => ({ hostname: `kill-${i}` }),
      onCall: (call, all) => {
        if (!killed && call.target === 1 && all.filter((c) => c.target === 1).length >= 30) killed = b.stop("SIGKILL");
      },
    });
    await killed;
    const succeeded = calls.filter((c) => c.status === 201);
    const lost = calls.filter((c) => c.failed);
    // A stayed up: everything sent to it succeeded; B's calls either returned 201 before it died or failed.
    expect(calls.filter((c) => c.target === 0 && c.status !== 201)).toEqual([]);
    expect(calls.filter((c) => c.target === 1 && c.status !== 201 && !c.failed)).toEqual([]);
    expect(lost.length).toBeGreaterThan(0);
    expect(succeeded.filter((c) => c.target === 1).length).toBeGreaterThanOrEqual(30);
    const rows = await db.query("SELECT h.ip_address, h.hostname, count(n.host_id)::int AS names FROM hosts h LEFT JOIN host_names n ON n.host_id = h.id WHERE h.network_id = $1 GROUP BY h.id", [id]);
    const stored = new Map(rows.rows.map((r) => [r.ip_address as string, r]));
    // Every answered allocation is stored...
    for (const address of addressesOf(succeeded)) expect(stored.has(address)).toBe(true);
    // ...and at most the calls cut off in flight committed without an answer.
    expect(rows.rows.length).toBeGreaterThanOrEqual(succeeded.length);
    expect(rows.rows.length).toBeLessThanOrEqual(succeeded.length + lost.length);
    // No partial rows: each host came with its name row, and no name row lacks its host.
    expect(rows.rows.filter((r) => r.names !== 1)).toEqual([]);
    const orphans = await db.query("SELECT count(*)::int AS n FROM host_names n LEFT JOIN hosts h ON h.id = n.host_id WHERE h.id IS NULL");
    expect(orphans.rows[0].n).toBe(0);
    // No lock or transaction of the dead instance lingers: the survivor allocates at once.
    const after = await api(a.base, token, "POST", `/ip/networks/${id}/allocate`, {});
    expect(after.status).toBe(201);
    expect(stored.has(after.body.ip_address)).toBe(false);
    console.log(`SIGKILL mid-burst: ${succeeded.length} answered, ${lost.length} cut off, ${rows.rows.length} stored`);
  });
});

test.describe("two instances on one SQLite file", () => {
  let dir: string;
  let url: string;
  let token: string;
  let a: Instance;
  let b: Instance;

  test.beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ipam-multi-sqlite-"));
    url = `file:${path.join(dir, "ipam.db")}`;
    await admin(url, ["user", "create", "--email", user.email, "--password", user.password, "--role", "admin"]);
    token = await admin(url, ["token", "create", "--name", "multi", "--role", "editor"]);
    [a, b] = await Promise.all([startInstance(url, NO_API_LIMIT), startInstance(url, NO_API_LIMIT)]);
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) for (const i of [a, b]) console.log(`${i?.base}: ${i?.log.join("").slice(-3000)}`);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("concurrent single and count=50 allocations over both servers, with the admin CLI writing: all distinct, no 5xx", async () => {
    const created = await api(a.base, token, "POST", "/networks", { network: "10.50.0.0/21" });
    const id = created.body.id as number;
    const targets = [{ base: a.base, networkId: id }, { base: b.base, networkId: id }];
    const singles = burst(token, targets, 200, { concurrency: 100 });
    const batches = burst(token, targets, 20, { concurrency: 20, body: () => ({ count: 50 }) });
    // The admin CLI is a third process writing to the same file meanwhile.
    const cli = new Promise((resolve) => setTimeout(resolve, 200)).then(() => admin(url, ["token", "create", "--name", "during-burst", "--role", "viewer"]));
    const [one, many, cliToken] = await Promise.all([singles, batches, cli]);
    expect(fiveXx([...one.calls, ...many.calls])).toEqual([]);
    expectDistinct([...one.calls, ...many.calls], 200 + 20 * 50);
    expect(cliToken).toMatch(/^ipam_/);
    expect((await api(b.base, cliToken, "GET", "/networks")).status).toBe(200);
    expect((await api(b.base, token, "GET", `/networks/${id}`)).body.used_hosts).toBe(1200);
  });

  test("throughput on one file: 1 vs 2 instances", async () => {
    const created = await api(a.base, token, "POST", "/networks", { network: "10.51.0.0/20" });
    const id = created.body.id as number;
    const figures: Record<string, number> = {};
    for (const [name, targets] of Object.entries({
      "1 instance": [{ base: a.base, networkId: id }],
      "2 instances": [{ base: a.base, networkId: id }, { base: b.base, networkId: id }],
    })) {
      const { calls, perSecond } = await burst(token, targets, 400, { concurrency: 32 });
      expect(fiveXx(calls)).toEqual([]);
      figures[name] = Math.round(perSecond);
    }
    console.log(`SQLite allocations/s: ${JSON.stringify(figures)}`);
  });
});
