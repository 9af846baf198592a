import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resetDatabase, useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { Network } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import {
  addressStateNames, formatValue, lastAddress, parseAddress, parsePrefix, sortKeyOf,
  type AddressState, type Family, type Prefix,
} from "@/lib/ipam";
import { bitsOf, usableOf } from "@/lib/ipam/testing/oracle";
import type { IpState } from "@/lib/schemas/ip";
import type { NetworkOut } from "@/lib/schemas/responses";
import { getNextIp } from "@/lib/services/ip/get-next-ip";
import { listAvailableIps } from "@/lib/services/ip/list-available-ips";
import { listFreeRanges } from "@/lib/services/ip/list-free-ranges";
import { lookupAddress } from "@/lib/services/ip/lookup-address";
import { getNetwork } from "@/lib/services/networks/get-network";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";
import { getAddressMap } from "@/lib/services/views/get-address-map";
import { inWriteTransaction } from "@/lib/services/write-options";

// One meaning of "free": on random networks (pools, gateways, nested
// children, hosts with and without MACs, every status), the network's
// `states` equal a per-address walk of the stored rows, `allocatable_hosts`
// is exactly what available-ips hands out paged to the end, and next-ip,
// free-ranges, the address map and GET /ip/{address} agree with it.
// Rows are written straight to the database, as data from before the write
// rules could be (a child over its parent's pool, a host without a MAC in a
// pool), so the read side is tested on everything it may meet.

useTestDatabase();
const viewer: Actor = { kind: "token", id: 1, name: "t", role: "viewer" };

interface NetSpec { at: bigint; bits: number; status: string; gateway: bigint | null; pool: [bigint, bigint] | null }
interface HostSpec { at: bigint; status: string; mac: boolean }
interface World { family: Family; size: number; nets: NetSpec[]; hosts: HostSpec[] }

const BASE: Record<Family, bigint> = { 4: parseAddress("10.77.0.0").value, 6: parseAddress("2001:db8:77::").value };
const statusArb = fc.constantFrom("active", "active", "active", "reserved", "deprecated", "container");

const worldArb: fc.Arbitrary<World> = fc
  .record({ family: fc.constantFrom<Family>(4, 6), size: fc.integer({ min: 4, max: 8 }) })
  .chain(({ family, size }) => {
    const count = 1n << BigInt(size);
    const offset = fc.bigInt({ min: 0n, max: count - 1n });
    const net = (bits: number) => fc.record({
      at: offset.map((o) => (o >> BigInt(bits)) << BigInt(bits)),
      bits: fc.constant(bits),
      status: statusArb,
      gateway: fc.option(fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }), { nil: null }),
      pool: fc.option(fc.tuple(fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }), fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n })), { nil: null }),
    }).map((n): NetSpec => ({
      ...n,
      gateway: n.gateway === null ? null : n.at + n.gateway,
      pool: n.pool && [n.at + (n.pool[0] < n.pool[1] ? n.pool[0] : n.pool[1]), n.at + (n.pool[0] < n.pool[1] ? n.pool[1] : n.pool[0])],
    }));
    return fc.record({
      family: fc.constant(family),
      size: fc.constant(size),
      nets: fc.tuple(net(size), fc.array(fc.integer({ min: 1, max: size - 1 }).chain(net), { maxLength: 4 })).map(([top, children]) => [top, ...children]),
      hosts: fc.array(fc.record({ at: offset, status: fc.constantFrom("active", "reserved", "inactive"), mac: fc.boolean() }), { maxLength: 40 }),
    });
  });

async function store(w: World): Promise<number[]> {
  await resetDatabase();
  const db = getDb();
  const base = BASE[w.family];
  const text = (v: bigint) => formatValue(w.family, base + v);
  const ids: number[] = [];
  const seen = new Set<string>();
  for (const n of w.nets) {
    const prefix: Prefix = { family: w.family, network: base + n.at, length: bitsOf(w.family) - n.bits };
    if (seen.has(`${n.at}/${n.bits}`)) continue;
    seen.add(`${n.at}/${n.bits}`);
    const row = await db.network.create({
      data: {
        network: text(n.at), cidr: prefix.length, family: w.family,
        startKey: sortKeyOf(w.family, prefix.network), endKey: sortKeyOf(w.family, lastAddress(prefix)),
        status: n.status, gateway: n.gateway === null ? null : text(n.gateway),
        dhcpStart: n.pool && text(n.pool[0]), dhcpEnd: n.pool && text(n.pool[1]),
      },
    });
    ids.push(row.id);
  }
  const placed = new Set<bigint>();
  for (const [i, h] of w.hosts.entries()) {
    if (placed.has(h.at)) continue;
    placed.add(h.at);
    const mac = h.mac ? `02:00:00:00:${(i >> 8).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}` : null;
    await db.host.create({
      data: { ipAddress: text(h.at), ipKey: sortKeyOf(w.family, base + h.at), family: w.family, status: h.status, macAddress: mac },
    });
  }
  await inWriteTransaction(null, undefined, (tx) => recomputeNetworkTree(tx));
  return ids;
}

/** The stored rows, walked address by address with docs/address-space.md's precedence: shares no code with the model. */
async function oracle() {
  const db = getDb();
  const networks = await db.network.findMany();
  const hosts = new Map((await db.host.findMany()).map((h) => [h.ipKey, h.status]));
  const range = (n: (typeof networks)[number]) => ({ first: parseAddress(n.network).value, last: lastAddress(parsePrefix(`${n.network}/${n.cidr}`)) });
  const stateIn = (n: (typeof networks)[number], v: bigint): AddressState => {
    const prefix = parsePrefix(`${n.network}/${n.cidr}`);
    const [lo, hi] = usableOf(prefix);
    const gateway = n.gateway ? parseAddress(n.gateway).value : null;
    // An IPv6 router may sit on the subnet-router anycast address (the first).
    if (prefix.family === 6 && gateway === v) return "gateway";
    if (v < lo) return "network_address";
    if (v > hi) return "broadcast_address";
    if (gateway === v) return "gateway";
    const inner = networks.filter((c) => c.id !== n.id && range(c).first >= range(n).first && range(c).last <= range(n).last);
    if (inner.some((c) => range(c).first <= v && v <= range(c).last)) return "child_network";
    const host = hosts.get(sortKeyOf(prefix.family, v));
    if (host) return host === "reserved" || host === "inactive" ? host : "active";
    if (n.dhcpStart && n.dhcpEnd && parseAddress(n.dhcpStart).value <= v && v <= parseAddress(n.dhcpEnd).value) return "dhcp_pool";
    return n.status === "active" ? "free" : "blocked";
  };
  const innermost = (v: bigint) =>
    networks.filter((n) => range(n).first <= v && v <= range(n).last).sort((a, b) => Number(range(b).first - range(a).first) || Number(range(a).last - range(b).last))[0];
  return { networks, range, stateIn, innermost };
}

async function pagedAvailable(id: number, limit: number): Promise<string[]> {
  const all: string[] = [];
  for (let after: string | undefined; ;) {
    const page = await listAvailableIps(viewer, id, { limit, after });
    all.push(...page.items);
    if (page.items.length < limit) return all;
    after = page.items[page.items.length - 1];
  }
}

const isAppError = (e: unknown): e is AppError => e instanceof AppError;
const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (isAppError(e) ? e.code : String(e)));
const LOOKUP: Record<AddressState, IpState> = {
  network_address: "network_address", broadcast_address: "broadcast_address", gateway: "gateway", child_network: "child_network",
  active: "allocated", reserved: "allocated", inactive: "allocated", dhcp_pool: "dhcp_pool", free: "available", blocked: "blocked",
};

describe("the address-state read model (property)", () => {
  it("states sum to the address count, match a per-address walk, and allocatable_hosts = available-ips paged to the end", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.integer({ min: 1, max: 9 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), async (w, limit, picks) => {
        await store(w);
        const o = await oracle();
        for (const n of o.networks) {
          const out = await getNetwork(viewer, n.id);
          const { first, last } = o.range(n);
          const walk = Object.fromEntries(addressStateNames.map((s) => [s, 0])) as Record<AddressState, number>;
          const free: string[] = [];
          for (let v = first; v <= last; v++) {
            const s = o.stateIn(n, v);
            walk[s]++;
            if (s === "free") free.push(formatValue(w.family, v));
          }
          expect(out.states).toEqual(walk);
          expect(Object.values(out.states).reduce((a: number, b) => a + Number(b), 0)).toBe(Number(last - first + 1n));
          expect(out.allocatable_hosts).toBe(free.length);
          expect(await pagedAvailable(n.id, limit)).toEqual(free);
          const ranges = await listFreeRanges(viewer, n.id, { limit: 1000 });
          expect(ranges.items.reduce((a, r) => a + Number(r.size), 0)).toBe(free.length);
          const next = getNextIp(viewer, n.id);
          if (n.status === "container") expect(await codeOf(next)).toBe("network_is_container");
          else if (n.status !== "active") expect(await codeOf(next)).toBe("network_not_allocatable");
          else if (free.length === 0) expect(await codeOf(next)).toBe("network_full");
          else expect((await next).ip_address).toBe(free[0]);
          if (w.family === 4) {
            const map = (await getAddressMap(viewer, n.id))!;
            expect(map.counts).toEqual(walk);
          }
        }
        // GET /ip/{address}: the state in the innermost network.
        for (const pick of picks) {
          const v = BASE[w.family] + BigInt(pick % (1 << w.size));
          const found = await lookupAddress(viewer, formatValue(w.family, v));
          const home = o.innermost(v);
          expect(found.network?.id).toBe(home.id);
          expect(found.state).toBe(LOOKUP[o.stateIn(home, v)]);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("review cases", () => {
  const net = async (values: { prefix: string; status?: string; gateway?: string; pool?: [string, string] }) => {
    const p = parsePrefix(values.prefix);
    return getDb().network.create({
      data: {
        network: formatValue(p.family, p.network), cidr: p.length, family: p.family,
        startKey: sortKeyOf(p.family, p.network), endKey: sortKeyOf(p.family, lastAddress(p)),
        status: values.status ?? "active", gateway: values.gateway ?? null, dhcpStart: values.pool?.[0] ?? null, dhcpEnd: values.pool?.[1] ?? null,
      },
    });
  };
  const host = (ip: string, status = "active", mac: string | null = null) => {
    const a = parseAddress(ip);
    return getDb().host.create({ data: { ipAddress: ip, ipKey: sortKeyOf(a.family, a.value), family: a.family, status, macAddress: mac } });
  };
  const derive = () => inWriteTransaction(null, undefined, (tx) => recomputeNetworkTree(tx));
  const stateOf = async (ip: string) => (await lookupAddress(viewer, ip)).state;

  it("a /24 with pool, gateway, a /25 child and hosts: map legend = API states = Utilization's Free", async () => {
    await resetDatabase();
    const parent = await net({ prefix: "10.10.10.0/24", gateway: "10.10.10.1", pool: ["10.10.10.50", "10.10.10.100"] });
    const child = await net({ prefix: "10.10.10.128/25" });
    await host("10.10.10.1");
    await host("10.10.10.7", "reserved");
    await host("10.10.10.60", "active", "02:00:00:00:00:60");
    await host("10.10.10.130");
    await derive();
    const out: NetworkOut = await getNetwork(viewer, parent.id);
    const map = (await getAddressMap(viewer, parent.id))!;
    expect(map.counts).toEqual(out.states);
    // .255 is the broadcast address although the child holds it: the ends and the gateway come first.
    expect(out.states).toEqual({ network_address: 1, broadcast_address: 1, gateway: 1, child_network: 127, active: 1, reserved: 1, inactive: 0, dhcp_pool: 50, free: 74, blocked: 0 });
    expect(map.counts.free).toBe(out.allocatable_hosts);
    expect(map.cells.find((c) => c.ip === "10.10.10.200")).toMatchObject({ state: "child_network", subnet: { id: child.id } });
    expect(map.cells.find((c) => c.ip === "10.10.10.75")?.state).toBe("dhcp_pool");
    // Old fields unchanged: total 254, used counts the child's host too.
    expect(out).toMatchObject({ total_hosts: 254, used_hosts: 4, available_hosts: 250, status: "active" });
  });

  it("a child over its parent's pool (data from before the rule): the map shows child_network, lookup and search follow the model", async () => {
    await resetDatabase();
    const parent = await net({ prefix: "10.10.10.0/24", pool: ["10.10.10.200", "10.10.10.250"] });
    await net({ prefix: "10.10.10.128/25" });
    const other = await net({ prefix: "10.20.0.0/24", pool: ["10.20.0.200", "10.20.0.250"] });
    await host("10.20.0.210", "active", "02:00:00:00:02:10");
    await derive();
    const map = (await getAddressMap(viewer, parent.id))!;
    const between = (ip: string, lo: string, hi: string) => parseAddress(lo).value <= parseAddress(ip).value && parseAddress(ip).value <= parseAddress(hi).value;
    const poolCells = map.cells.filter((c) => between(c.ip, "10.10.10.200", "10.10.10.250"));
    expect(poolCells.length).toBe(51);
    expect(poolCells.every((c) => c.state === "child_network")).toBe(true);
    expect(map.counts.dhcp_pool).toBe(0);
    // In a network whose pool is its own: a free pool address is "dhcp_pool", never "available".
    expect(await stateOf("10.20.0.211")).toBe("dhcp_pool");
    expect(await stateOf("10.20.0.210")).toBe("allocated");
    const { searchEverything } = await import("@/lib/services/search/search-everything");
    expect((await searchEverything(viewer, "10.20.0.220")).address).toMatchObject({ state: "dhcp_pool", network: { id: other.id } });
    const mapped = await searchEverything(viewer, "::ffff:10.20.0.220");
    expect(mapped.address).toMatchObject({ ip_address: "10.20.0.220", state: "dhcp_pool" });
    expect(mapped.note).toContain("use the IPv4 form 10.20.0.220");
    expect((await listAvailableIps(viewer, other.id, { limit: 1000 })).items.filter((ip) => between(ip, "10.20.0.200", "10.20.0.250"))).toEqual([]);
  });

  it("a container: allocatable 0, utilization = child coverage, no free addresses, next-ip 409", async () => {
    await resetDatabase();
    const container = await net({ prefix: "10.60.0.0/16", status: "container" });
    await net({ prefix: "10.60.0.0/18" });
    await net({ prefix: "10.60.64.0/18" });
    await net({ prefix: "10.60.64.0/24" });
    await derive();
    const out = await getNetwork(viewer, container.id);
    expect(out.allocatable_hosts).toBe(0);
    expect(out.utilization).toBe(50);
    expect(out.states).toMatchObject({ child_network: 32768 - 1, network_address: 1, broadcast_address: 1, free: 0, blocked: 32768 - 1 });
    expect((await listAvailableIps(viewer, container.id, { limit: 10 })).items).toEqual([]);
    expect((await listFreeRanges(viewer, container.id, { limit: 10 })).items).toEqual([]);
    expect(await codeOf(getNextIp(viewer, container.id))).toBe("network_is_container");
    expect(await stateOf("10.60.200.1")).toBe("blocked");
  });

  it("a reserved network: its free addresses are blocked, next-ip 409 network_not_allocatable", async () => {
    await resetDatabase();
    const reserved = await net({ prefix: "10.61.0.0/28", status: "reserved", gateway: "10.61.0.1" });
    await host("10.61.0.5");
    await derive();
    const out = await getNetwork(viewer, reserved.id);
    expect(out.states).toMatchObject({ free: 0, blocked: 16 - 2 - 1 - 1, active: 1, gateway: 1 });
    expect(out.utilization).toBe(Number(((1 / 14) * 100).toFixed(2)));
    expect(await codeOf(getNextIp(viewer, reserved.id))).toBe("network_not_allocatable");
    expect(await stateOf("10.61.0.9")).toBe("blocked");
  });

  it("GET /ip/::ffff:10.0.0.77 is 422: use the IPv4 form", async () => {
    const error = await lookupAddress(viewer, "::ffff:10.0.0.77").catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("validation_error");
    expect(JSON.stringify(isAppError(error) && error.details)).toContain("use the IPv4 form 10.0.0.77");
  });

  it("loads a page of networks in a fixed number of statements, whatever its size", async () => {
    await resetDatabase();
    const rows: Network[] = [];
    for (let i = 0; i < 30; i++) rows.push(await net({ prefix: `10.70.${i}.0/24`, gateway: `10.70.${i}.1`, pool: [`10.70.${i}.100`, `10.70.${i}.110`] }));
    rows.push(await net({ prefix: "10.70.0.64/26" }), await net({ prefix: "10.70.1.128/25" }));
    for (let i = 0; i < 30; i++) await host(`10.70.${i}.1`);
    await derive();
    const fresh = await getDb().network.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { id: "asc" } });
    const { loadAddressStates } = await import("@/lib/services/networks/load-address-states");
    // Inside a transaction every statement goes through Prisma, where it can be counted.
    const statementsFor = (page: Network[]) => inWriteTransaction(null, undefined, async (tx) => {
      let statements = 0;
      const spy = new Proxy(tx, { get: (t, k) => (k === "$queryRaw" ? (...a: unknown[]) => (statements++, Reflect.apply(t.$queryRaw, t, a)) : Reflect.get(t, k)) });
      const inputs = await loadAddressStates(page, spy);
      expect(inputs.map((i) => i.pointHosts.length)).toEqual(page.map((n) => (n.gateway ? 1 : 0)));
      return statements;
    });
    // children, kept counts (network_counts) with the pool counts, point hosts: no range count of hosts
    expect(await statementsFor(fresh.slice(0, 3))).toBe(3);
    expect(await statementsFor(fresh)).toBe(3);
  });
});
