import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { useTestDatabase } from "@/tests/db";
import { getDb } from "@/lib/db/client";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { createNetwork } from "@/lib/services/networks/create-network";
import { admin } from "@/plugins/testing/actors";
import { importText } from "@/plugins/testing/plugin-calls";

// Every host rule case goes through createHost (createHosts for a batch) and
// through the CSV and JSON imports: the verdict (which item fails, on which
// field) must be the same, because both paths call the one checkHosts.

useTestDatabase();

type Row = Record<string, string | boolean>;
/** index of each failing item → the field of its first error; {} = accepted. */
type Verdict = Record<number, string>;

class Rollback extends Error {}

async function rolledBack(fn: (tx: Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0]) => Promise<unknown>): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await fn(tx);
    throw new Rollback();
  }).catch((e) => {
    if (!(e instanceof Rollback)) throw e;
  });
}

const firstFields = (fields: Record<string, unknown>): Verdict => {
  const verdict: Verdict = {};
  for (const key of Object.keys(fields)) {
    if (!Array.isArray(fields[key])) continue;
    const [index, field] = key.includes(".") ? [Number(key.split(".")[0]), key.split(".").slice(1).join(".")] : [0, key];
    verdict[index] ??= field;
  }
  return verdict;
};

/** The service's verdict: createHost for one item, createHosts for a batch; the write is rolled back. */
async function serviceVerdict(rows: Row[]): Promise<Verdict> {
  const parsed = rows.map((r) => hostSchema.safeParse(r));
  const bad = parsed.findIndex((p) => !p.success);
  if (bad >= 0) return { [bad]: Object.keys(zodFieldErrors(parsed[bad].error as ZodError))[0] };
  const data = parsed.map((p) => p.data!);
  try {
    await rolledBack((tx) => (data.length === 1 ? createHost(admin, data[0], { tx }) : createHosts(admin, data, { tx })));
    return {};
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return data.length === 1 ? { 0: Object.keys(e.details ?? {}).find((k) => Array.isArray(e.details![k]))! } : firstFields(e.details ?? {});
  }
}

const csvCell = (v: string | boolean) => (typeof v === "boolean" ? String(v) : `"${v.replace(/"/g, '""')}"`);
const COLUMNS = ["ip_address", "hostname", "cname", "mac_address", "allow_duplicate_name"];

/** The import's verdict (a dry run: nothing is written). `firstRow` is the file's number of the first item. */
async function importVerdict(format: "csv" | "json", rows: Row[]): Promise<Verdict> {
  const text = format === "csv"
    ? [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => (r[c] === undefined ? "" : csvCell(r[c]))).join(","))].join("\n") + "\n"
    : JSON.stringify(rows);
  const firstRow = format === "csv" ? 2 : 1;
  try {
    await importText(admin, format, text, { type: "hosts", dryRun: true });
    return {};
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const verdict: Verdict = {};
    for (const r of (e.details?.rows ?? []) as Array<{ row: number; field: string }>) verdict[r.row - firstRow] ??= r.field;
    return verdict;
  }
}

const net = (fields: Record<string, unknown>) => createNetwork(admin, networkSchema.parse(fields));
const host = (fields: Row) => createHost(admin, hostSchema.parse(fields));

beforeAll(async () => {
  await net({ network: "10.50.0.0/24", domain: "a.example", gateway: "10.50.0.1", dhcp_start: "10.50.0.200", dhcp_end: "10.50.0.250" });
  await net({ network: "10.51.0.0/24", domain: "b.example" });
  await net({ network: "10.52.0.0/16", status: "container" });
  await net({ network: "10.52.1.0/24" });
  await net({ network: "10.53.0.0/24", status: "reserved" });
  await net({ network: "10.54.0.0/30" });
  await host({ ip_address: "10.50.0.10", hostname: "web", cname: "portal", mac_address: "52:54:00:00:00:10" });
  await host({ ip_address: "10.51.0.10", hostname: "rr", allow_duplicate_name: true });
});

const cases: Array<[string, Row[], Verdict]> = [
  ["a bad address", [{ ip_address: "10.50.0.300" }], { 0: "ip_address" }],
  ["an IPv4-mapped IPv6 address", [{ ip_address: "::ffff:10.50.0.77" }], { 0: "ip_address" }],
  ["the network address", [{ ip_address: "10.50.0.0" }], { 0: "ip_address" }],
  ["the broadcast address", [{ ip_address: "10.50.0.255" }], { 0: "ip_address" }],
  ["a /30's broadcast address", [{ ip_address: "10.54.0.3" }], { 0: "ip_address" }],
  ["a /30's usable address", [{ ip_address: "10.54.0.1" }], {}],
  ["a used address", [{ ip_address: "10.50.0.10" }], { 0: "ip_address" }],
  ["the DHCP pool without a MAC", [{ ip_address: "10.50.0.210" }], { 0: "ip_address" }],
  ["the DHCP pool with a MAC (a static lease)", [{ ip_address: "10.50.0.211", mac_address: "52:54:00:00:02:11" }], {}],
  ["a container network", [{ ip_address: "10.52.0.5" }], { 0: "ip_address" }],
  ["a child of a container", [{ ip_address: "10.52.1.5" }], {}],
  ["a reserved network", [{ ip_address: "10.53.0.5" }], { 0: "ip_address" }],
  ["a duplicate MAC", [{ ip_address: "10.50.0.20", mac_address: "52-54-00-00-00-10" }], { 0: "mac_address" }],
  ["a duplicate hostname FQDN", [{ ip_address: "10.50.0.21", hostname: "WEB" }], { 0: "hostname" }],
  ["the same hostname in another domain", [{ ip_address: "10.51.0.21", hostname: "web" }], {}],
  ["a hostname equal to another host's alias", [{ ip_address: "10.50.0.22", hostname: "portal" }], { 0: "hostname" }],
  ["an alias equal to another host's hostname", [{ ip_address: "10.50.0.23", hostname: "x23", cname: "web" }], { 0: "cname" }],
  ["a dotted alias equal to another host's FQDN", [{ ip_address: "10.51.0.25", cname: "web.a.example" }], { 0: "cname" }],
  ["the same alias in two domains", [{ ip_address: "10.51.0.24", hostname: "x24", cname: "portal" }], {}],
  ["a round-robin hostname next to a round-robin one", [{ ip_address: "10.51.0.26", hostname: "rr", allow_duplicate_name: true }], {}],
  ["a hostname equal to a round-robin name, without the flag", [{ ip_address: "10.51.0.27", hostname: "rr" }], { 0: "hostname" }],
  ["a round-robin hostname equal to an exclusive one", [{ ip_address: "10.50.0.28", hostname: "web", allow_duplicate_name: true }], { 0: "hostname" }],
  ["an alias equal to a round-robin name (aliases are never shared)", [{ ip_address: "10.51.0.29", cname: "rr" }], { 0: "cname" }],
  ["a hostname twice in one batch", [{ ip_address: "10.50.0.30", hostname: "dup" }, { ip_address: "10.50.0.31", hostname: "dup" }], { 1: "hostname" }],
  ["an alias, then the same name as a hostname, in one batch", [{ ip_address: "10.50.0.32", hostname: "h32", cname: "dup2" }, { ip_address: "10.50.0.33", hostname: "dup2" }], { 1: "hostname" }],
  ["a hostname, then the same name as an alias, in one batch", [{ ip_address: "10.50.0.34", hostname: "dup3" }, { ip_address: "10.50.0.35", hostname: "h35", cname: "dup3" }], { 1: "cname" }],
  ["two round-robin hostnames in one batch", [{ ip_address: "10.50.0.36", hostname: "pool", allow_duplicate_name: true }, { ip_address: "10.50.0.37", hostname: "pool", allow_duplicate_name: true }], {}],
  ["one MAC twice in one batch", [{ ip_address: "10.50.0.38", mac_address: "52:54:00:00:00:38" }, { ip_address: "10.50.0.39", mac_address: "52:54:00:00:00:38" }], { 1: "mac_address" }],
  ["one name in two domains in one batch", [{ ip_address: "10.50.0.40", hostname: "twin" }, { ip_address: "10.51.0.40", hostname: "twin" }], {}],
];

describe("host rules: createHost and the importers give the same verdict", () => {
  it.each(cases)("%s", async (_, rows, expected) => {
    expect(await serviceVerdict(rows)).toEqual(expected);
    expect(await importVerdict("csv", rows)).toEqual(expected);
    expect(await importVerdict("json", rows)).toEqual(expected);
  });

  it("a host in the DHCP pool without a MAC gets the nearest free address outside the pool", async () => {
    const error = await host({ ip_address: "10.50.0.210" }).catch((e) => e);
    expect(error).toMatchObject({ code: "validation_error", details: { suggestion: "10.50.0.199" } });
    expect(error.details.ip_address[0]).toContain("10.50.0.199");
    const high = await host({ ip_address: "10.50.0.248" }).catch((e) => e);
    expect(high.details.suggestion).toBe("10.50.0.251");
  });

  it("nothing above was written", async () => {
    expect(await getDb().host.count()).toBe(2);
    expect(await getDb().hostName.count()).toBe(3);
  });
});
