import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { discoveryApplySchema, type ChangeSet, type Observation } from "@/lib/schemas/discovery";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { applyDiscovery } from "@/lib/services/discovery/apply-discovery";
import { listStaleHosts } from "@/lib/services/discovery/list-stale-hosts";
import { reconcileDiscovery } from "@/lib/services/discovery/reconcile-discovery";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";

// Reconciliation and apply against a real database (both engines: npm run test:pg).

useTestDatabase();

const editor: Actor = { kind: "user", id: 1, name: "Edith", role: "editor" };
const viewer: Actor = { kind: "user", id: 2, name: "Vic", role: "viewer" };
const observed = (ip: string, mac: string | null, hostname: string | null, line = 1): Observation => ({ ip_address: ip, mac_address: mac, hostname, line });
const host = (data: Record<string, unknown>) => createHost(editor, hostSchema.parse(data));
const row = (set: ChangeSet, ip: string) => set.rows.find((r) => r.ip_address === ip)!;
const observedAt = new Date("2026-11-30T10:00:00Z");
/** A MAC unique to a lab (MACs are unique across all hosts of a family). */
const mac = (third: number, n: number) => `52:54:00:00:${third.toString(16).padStart(2, "0")}:${n.toString(16).padStart(2, "0")}`;

async function lab(third: number) {
  const net = await createNetwork(editor, networkSchema.parse({ network: `10.70.${third}.0`, cidr: 24, domain: `lab${third}.example.com` }));
  const p = `10.70.${third}`;
  await host({ ip_address: `${p}.1`, hostname: "web1", mac_address: mac(third, 1) });
  await host({ ip_address: `${p}.2`, hostname: "old", mac_address: mac(third, 2) });
  await host({ ip_address: `${p}.3`, hostname: "kept", status: "reserved" });
  await host({ ip_address: `${p}.4`, hostname: "gone" });
  await host({ ip_address: `${p}.5`, status: "reserved" });
  return { net, p, m: (n: number) => mac(third, n) };
}

describe("reconcileDiscovery", () => {
  it("sorts observations into new, changed, seen and missing; refuses bad names; never offers a reserved host", async () => {
    const { net, p, m } = await lab(1);
    const set = await reconcileDiscovery(editor, {
      source: "dnsmasq", observedAt, networkId: net.id, observations: [
        observed(`${p}.1`, m(1).replaceAll(":", "-").toUpperCase(), "WEB1.lab1.example.com."),
        observed(`${p}.2`, m(2), "db1"),
        observed(`${p}.3`, null, "other"),
        observed(`${p}.10`, m(16), "bad_name!"),
        observed(`${p}.11`, m(1), "twin"),
        observed(`${p}.12`, "20-80:00:02:08:fe:80:00:00:00:00:00:00:00:02:c9:03:00:00:0f:01", null),
        observed("10.99.0.1", null, null),
      ],
    });
    expect(set.network).toEqual({ id: net.id, prefix: `${p}.0/24` });
    expect(set.summary).toEqual({ new: 3, changed: 2, seen: 1, missing: 1, outside: 1, problems: 4, prechecked: 4 });
    expect(row(set, `${p}.1`)).toMatchObject({ kind: "seen", changes: [], applicable: true, hostname: "web1", mac_address: m(1) });
    expect(row(set, `${p}.2`)).toMatchObject({ kind: "changed", changes: ["hostname"], hostname: "db1", current: { hostname: "old" }, applicable: true });
    expect(row(set, `${p}.3`)).toMatchObject({ kind: "changed", applicable: false, problems: ["A reserved host: discovery never changes it"] });
    expect(row(set, `${p}.10`)).toMatchObject({ kind: "new", hostname: null, mac_address: m(16), applicable: true });
    expect(row(set, `${p}.10`).problems[0]).toMatch(/^Hostname "bad_name!" refused/);
    expect(row(set, `${p}.11`).applicable).toBe(false);
    expect(row(set, `${p}.11`).problems[0]).toMatch(/^Would be refused: .*MAC/i);
    expect(row(set, `${p}.12`)).toMatchObject({ kind: "new", mac_address: null, applicable: true });
    expect(row(set, `${p}.12`).problems[0]).toMatch(/^MAC .* refused/);
    expect(row(set, `${p}.4`)).toMatchObject({ kind: "missing", applicable: false, hostname: "gone" });
    expect(set.rows.some((r) => r.ip_address === `${p}.5`)).toBe(false);
    expect(set.rows.map((r) => r.ip_address)).toEqual([1, 2, 3, 4, 10, 11, 12].map((n) => `${p}.${n}`));
  });

  it("without a network lists no missing hosts, and a viewer may not run it", async () => {
    const { p } = await lab(2);
    const set = await reconcileDiscovery(editor, { source: "nmap", observedAt, observations: [observed(`${p}.1`, null, null), observed("192.0.2.77", null, null)] });
    expect(set.summary).toMatchObject({ seen: 1, new: 1, missing: 0, outside: 0 });
    await expect(reconcileDiscovery(viewer, { source: "nmap", observedAt, observations: [] })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a network larger than a /16", async () => {
    const big = await createNetwork(editor, networkSchema.parse({ network: "10.128.0.0", cidr: 15 }));
    await expect(reconcileDiscovery(editor, { source: "nmap", observedAt, networkId: big.id, observations: [] })).rejects.toMatchObject({ code: "validation_error" });
  });
});

describe("applyDiscovery", () => {
  it("applies the chosen rows through the host services in one transaction, with last_seen, discovery_source and change records", async () => {
    const { net, p, m } = await lab(3);
    const set = await reconcileDiscovery(editor, {
      source: "dnsmasq", observedAt, networkId: net.id,
      observations: [observed(`${p}.1`, null, "web1"), observed(`${p}.2`, null, "db1"), observed(`${p}.20`, m(32), "printer")],
    });
    const chosen = set.rows.filter((r) => r.applicable);
    const input = discoveryApplySchema.parse({ source: set.source, observed_at: set.observed_at, rows: chosen });
    expect(await applyDiscovery(editor, input)).toEqual({ created: 1, updated: 1, seen: 1 });
    const rows = await getDb().host.findMany({ where: { ipAddress: { in: [`${p}.1`, `${p}.2`, `${p}.20`] } }, orderBy: { ipKey: "asc" } });
    expect(rows.map((h) => [h.hostname, h.macAddress, h.lastSeen?.toISOString(), h.discoverySource])).toEqual([
      ["web1", m(1), observedAt.toISOString(), "dnsmasq-leases"],
      ["db1", m(2), observedAt.toISOString(), "dnsmasq-leases"],
      ["printer", m(32), observedAt.toISOString(), "dnsmasq-leases"],
    ]);
    expect(rows[2].networkId).toBe(net.id);
    const log = await getDb().changeLog.findMany({ where: { objectType: "host", objectId: { in: rows.map((h) => h.id) } }, orderBy: { id: "asc" } });
    expect(log.filter((r) => r.objectId === rows[2].id).map((r) => r.action)).toContain("create");
    expect(log.filter((r) => r.objectId === rows[1].id).map((r) => r.action)).toContain("update");
  });

  it("checks every row again against the hosts as they are now: all or nothing", async () => {
    const { net, p } = await lab(4);
    const set = await reconcileDiscovery(editor, { source: "nmap", observedAt, networkId: net.id, observations: [observed(`${p}.30`, null, "a"), observed(`${p}.31`, null, "b")] });
    await host({ ip_address: `${p}.31`, hostname: "raced" });
    const input = discoveryApplySchema.parse({ source: "nmap", observed_at: set.observed_at, rows: set.rows.filter((r) => r.kind === "new") });
    await expect(applyDiscovery(editor, input)).rejects.toMatchObject({ code: "conflict", details: { 1: [expect.stringMatching(/holds this address now/)] } });
    expect(await getDb().host.count({ where: { ipAddress: `${p}.30` } })).toBe(0);

    const reserved = discoveryApplySchema.parse({ source: "nmap", observed_at: set.observed_at, rows: [{ kind: "seen", ip_address: `${p}.3` }] });
    await expect(applyDiscovery(editor, reserved)).rejects.toMatchObject({ code: "conflict" });
    expect((await getDb().host.findFirstOrThrow({ where: { ipAddress: `${p}.3` } })).lastSeen).toBeNull();
  });

  it("a host rule broken at apply time names the row and writes nothing", async () => {
    const { p, m } = await lab(5);
    const input = discoveryApplySchema.parse({ source: "kea", observed_at: observedAt.toISOString(), rows: [
      { kind: "new", ip_address: `${p}.40`, hostname: "fine" },
      { kind: "new", ip_address: `${p}.41`, mac_address: m(1) },
    ] });
    await expect(applyDiscovery(editor, input)).rejects.toMatchObject({ code: "validation_error", details: { "1.mac_address": [expect.stringMatching(/already belongs/)] } });
    expect(await getDb().host.count({ where: { ipAddress: { in: [`${p}.40`, `${p}.41`] } } })).toBe(0);
  });

  it("the apply body's names and MACs pass the host schemas again", () => {
    const bad = discoveryApplySchema.safeParse({ source: "nmap", observed_at: observedAt.toISOString(), rows: [
      { kind: "new", ip_address: "10.0.0.1", hostname: "bad name\nx", mac_address: "zz" },
      { kind: "missing", ip_address: "10.0.0.2" },
    ] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["rows.0.hostname", "rows.0.mac_address", "rows.1.kind"]);
  });
});

describe("listStaleHosts", () => {
  it("lists hosts not seen for N days, oldest first; never-seen and reserved hosts are not candidates", async () => {
    await createNetwork(editor, networkSchema.parse({ network: "10.70.6.0", cidr: 24 }));
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await host({ ip_address: "10.70.6.1", last_seen: ago(40) });
    await host({ ip_address: "10.70.6.2", last_seen: ago(90) });
    await host({ ip_address: "10.70.6.3", last_seen: ago(1) });
    await host({ ip_address: "10.70.6.4" });
    await host({ ip_address: "10.70.6.5", last_seen: ago(400), status: "reserved" });
    const net = await getDb().network.findFirstOrThrow({ where: { network: "10.70.6.0" } });
    const stale = await listStaleHosts(viewer, { days: 30, network_id: net.id, page: 1, per_page: 50 });
    expect(stale.items.map((h) => h.ip_address)).toEqual(["10.70.6.2", "10.70.6.1"]);
    expect(stale).toMatchObject({ total: 2, days: 30 });
    expect((await listStaleHosts(viewer, { days: 60, network_id: net.id, page: 1, per_page: 50 })).total).toBe(1);
  });
});
