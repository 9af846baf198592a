import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addressStateNames, countStates, parsePrefix, parseAddress, stateOfAddress,
  type AddressState, type HostState, type PointHost, type Prefix, type Range, type StateInput,
} from "./index";
import { bitsOf, lastOf, usableOf } from "./testing/oracle";

// countStates and stateOfAddress against a brute-force classifier that walks
// every address of a small network and applies docs/address-space.md's
// precedence literally. The oracle shares no code with the engine.

interface World {
  prefix: Prefix;
  allocatable: boolean;
  gateway: bigint | null;
  pool: Range | null;
  children: Range[];
  /** Every host inside the prefix (children included), by address. */
  hosts: Map<bigint, HostState>;
}

function oracleState(w: World, v: bigint): AddressState {
  const [lo, hi] = usableOf(w.prefix);
  // An IPv6 router may sit on the subnet-router anycast address (the first).
  if (w.prefix.family === 6 && w.gateway === v) return "gateway";
  if (v < lo) return "network_address";
  if (v > hi) return "broadcast_address";
  if (w.gateway === v) return "gateway";
  if (w.children.some((c) => c.first <= v && v <= c.last)) return "child_network";
  const host = w.hosts.get(v);
  if (host) return host;
  if (w.pool && w.pool.first <= v && v <= w.pool.last) return "dhcp_pool";
  return w.allocatable ? "free" : "blocked";
}

/** What lib/services/networks/load-address-states.ts reads from the database, derived here by enumeration. */
function inputOf(w: World): StateInput {
  const [lo, hi] = usableOf(w.prefix);
  const isPoint = (v: bigint) => v < lo || v > hi || v === w.gateway;
  const hosts = { active: 0n, reserved: 0n, inactive: 0n };
  let hostsInPool = 0n;
  const pointHosts: PointHost[] = [];
  for (const [v, status] of w.hosts) {
    if (w.children.some((c) => c.first <= v && v <= c.last)) continue; // the child's host, not this network's
    hosts[status]++;
    if (w.pool && w.pool.first <= v && v <= w.pool.last) hostsInPool++;
    if (isPoint(v)) pointHosts.push({ value: v, status });
  }
  return { prefix: w.prefix, allocatable: w.allocatable, gateway: w.gateway, pool: w.pool, children: w.children, hosts, hostsInPool, pointHosts };
}

function oracleCounts(w: World): Record<AddressState, bigint> {
  const counts = Object.fromEntries(addressStateNames.map((s) => [s, 0n])) as Record<AddressState, bigint>;
  for (let v = w.prefix.network; v <= lastOf(w.prefix); v++) counts[oracleState(w, v)]++;
  return counts;
}

const statusArb = fc.constantFrom<HostState>("active", "reserved", "inactive");

/** A small network (IPv4 /23–/32, IPv6 /119–/128) with a random gateway, pool, nested children and hosts. */
const worldArb: fc.Arbitrary<World> = fc
  .record({ family: fc.constantFrom<4 | 6>(4, 6), size: fc.integer({ min: 0, max: 9 }), base: fc.bigInt({ min: 0n, max: 0xffffn }) })
  .chain(({ family, size, base }) => {
    const length = bitsOf(family) - size;
    const count = 1n << BigInt(size);
    const network = (family === 4 ? 0x0a000000n : 0x20010db8n << 96n) + base * 1024n;
    const prefix: Prefix = { family, network, length };
    const offset = fc.bigInt({ min: 0n, max: count - 1n });
    // A pool may hang over the prefix's edge (legacy data): the model clips it.
    const range = fc.tuple(fc.bigInt({ min: -4n, max: count + 3n }), fc.bigInt({ min: 0n, max: count })).map(([a, n]): Range => ({ first: network + a, last: network + a + n }));
    const child = fc.record({ at: offset, bits: fc.integer({ min: 0, max: size }) }).map(({ at, bits }): Range => {
      const block = 1n << BigInt(bits);
      const first = network + (at / block) * block;
      return { first, last: first + block - 1n };
    });
    return fc.record({
      prefix: fc.constant(prefix),
      allocatable: fc.boolean(),
      gateway: fc.option(fc.bigInt({ min: -2n, max: count + 1n }).map((o) => network + o), { nil: null }),
      pool: fc.option(range, { nil: null }),
      // A child never is the whole network; grandchildren may overlap their parents (the model merges them).
      children: fc.array(child, { maxLength: 4 }).map((cs) => cs.filter((c) => c.last - c.first + 1n < count)),
      hosts: fc.array(fc.tuple(offset, statusArb), { maxLength: 40 }).map((hs) => new Map(hs.map(([o, s]) => [network + o, s]))),
    });
  });

describe("address states", () => {
  it("countStates equals a per-address walk and sums to the address count", () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const counts = countStates(inputOf(w));
        expect(counts).toEqual(oracleCounts(w));
        const sum = addressStateNames.reduce((n, s) => n + counts[s], 0n);
        expect(sum).toBe(lastOf(w.prefix) - w.prefix.network + 1n);
      }),
      { numRuns: 500 },
    );
  });

  it("stateOfAddress classifies every address as the walk does", () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const input = inputOf(w);
        for (let v = w.prefix.network; v <= lastOf(w.prefix); v++) expect(stateOfAddress(input, v, w.hosts.get(v) ?? null)).toBe(oracleState(w, v));
      }),
      { numRuns: 300 },
    );
  });

  it("a /24 with gateway, pool, a /25 child and hosts, by hand", () => {
    const prefix = parsePrefix("10.10.10.0/24");
    const a = (s: string) => parseAddress(s).value;
    const w: World = {
      prefix, allocatable: true, gateway: a("10.10.10.1"),
      pool: { first: a("10.10.10.100"), last: a("10.10.10.150") },
      children: [{ first: a("10.10.10.128"), last: a("10.10.10.255") }],
      hosts: new Map<bigint, HostState>([[a("10.10.10.1"), "active"], [a("10.10.10.5"), "reserved"], [a("10.10.10.110"), "active"], [a("10.10.10.200"), "inactive"]]),
    };
    const c = countStates(inputOf(w));
    // .0 network, .1 gateway (its host counts as the gateway), .255 the broadcast inside the child,
    // .128–.254 child (127), .5 reserved, .110 a static lease in the pool, .100–.127 pool minus .110 (27).
    expect(c).toMatchObject({ network_address: 1n, gateway: 1n, broadcast_address: 1n, child_network: 127n, reserved: 1n, active: 1n, inactive: 0n, dhcp_pool: 27n });
    expect(c.free).toBe(256n - 1n - 1n - 1n - 127n - 1n - 1n - 27n);
    expect(countStates({ ...inputOf(w), allocatable: false })).toMatchObject({ free: 0n, blocked: c.free });
  });
});
