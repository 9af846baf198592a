import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IpamError,
  capacity,
  firstFree,
  firstFreeAsync,
  formatValue,
  freeAddresses,
  freeAddressesAsync,
  freeCount,
  freeCountAsync,
  freeIntervals,
  freeIntervalsAsync,
  freeSummary,
  freeSummaryAsync,
  parseAddress,
  parsePrefix,
  type Interval,
  type Prefix,
} from "./index";
import { errorOf } from "./testing/error-of";
import { enumerateFree, naiveFreeIntervals, toIntervals } from "./testing/oracle";

const P = (s: string) => parsePrefix(s);
const A = (s: string) => parseAddress(s).value;
const fmt = (p: Prefix, v: bigint | null) => (v === null ? null : formatValue(p.family, v));


async function* stream<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const x of items) yield x;
}

describe("first free address", () => {
  it("IPv6 /64 → network+1, /127 → network, /126 → ::1, /128 → the address", () => {
    const p64 = P("2001:db8::/64");
    expect(fmt(p64, firstFree(p64, []))).toBe("2001:db8::1");
    const p127 = P("2001:db8::/127");
    expect(fmt(p127, firstFree(p127, []))).toBe("2001:db8::");
    const z127 = P("::/127");
    expect(fmt(z127, firstFree(z127, []))).toBe("::");
    const p126 = P("::/126");
    expect(fmt(p126, firstFree(p126, []))).toBe("::1");
    const p128 = P("2001:db8::7/128");
    expect(fmt(p128, firstFree(p128, []))).toBe("2001:db8::7");
  });

  it("IPv4 /24 → .1, /31 → network, /32 → the address", () => {
    const p24 = P("10.0.0.0/24");
    expect(fmt(p24, firstFree(p24, []))).toBe("10.0.0.1");
    expect(fmt(p24, firstFree(p24, [A("10.0.0.1"), A("10.0.0.2")]))).toBe("10.0.0.3");
    const p31 = P("10.0.0.0/31");
    expect(fmt(p31, firstFree(p31, []))).toBe("10.0.0.0");
    expect(fmt(p31, firstFree(p31, [A("10.0.0.0")]))).toBe("10.0.0.1");
    const p32 = P("10.0.0.9/32");
    expect(fmt(p32, firstFree(p32, []))).toBe("10.0.0.9");
  });

  it("a full prefix has no free address", () => {
    const p30 = P("10.0.0.0/30");
    const used = [A("10.0.0.2"), A("10.0.0.1")];
    expect(firstFree(p30, used)).toBeNull();
    expect(freeIntervals(p30, used)).toEqual([]);
    expect(freeAddresses(p30, used, { count: 5 })).toEqual([]);
    expect(freeCount(p30, used)).toBe(0n);
    const p127 = P("2001:db8::/127");
    const u6 = [A("2001:db8::1"), A("2001:db8::")];
    expect(firstFree(p127, u6)).toBeNull();
    expect(freeCount(p127, u6)).toBe(0n);
    const p32 = P("10.0.0.9/32");
    expect(firstFree(p32, [A("10.0.0.9")])).toBeNull();
    // network and broadcast being "used" does not matter; everything usable is taken
    const p29 = P("10.0.0.0/29");
    const all = Array.from({ length: 8 }, (_, i) => A("10.0.0.0") + BigInt(i));
    expect(firstFree(p29, all.slice(1, 7))).toBeNull();
    expect(firstFree(p29, all)).toBeNull();
  });

  it("full by exclusion", () => {
    const p = P("10.0.0.0/24");
    expect(firstFree(p, [], { exclude: [{ first: A("10.0.0.0"), last: A("10.0.0.255") }] })).toBeNull();
    expect(freeCount(p, [], { exclude: [{ first: A("9.0.0.0"), last: A("11.0.0.0") }] })).toBe(0n);
  });

  it("`after` is strictly greater", () => {
    const p = P("10.0.0.0/24");
    const used = [A("10.0.0.5"), A("10.0.0.6")];
    expect(fmt(p, firstFree(p, used, { after: A("10.0.0.4") }))).toBe("10.0.0.7");
    expect(fmt(p, firstFree(p, used, { after: A("10.0.0.3") }))).toBe("10.0.0.4");
    expect(fmt(p, firstFree(p, used, { after: A("9.0.0.0") }))).toBe("10.0.0.1");
    expect(firstFree(p, used, { after: A("10.0.0.254") })).toBeNull();
    expect(firstFree(p, used, { after: A("11.0.0.0") })).toBeNull();
  });
});

describe("free intervals, counts and addresses", () => {
  it("gateway + DHCP pool exclusions, unsorted used with duplicates and outsiders", () => {
    const p = P("192.168.1.0/24");
    const used = [A("192.168.1.20"), A("192.168.1.10"), A("10.0.0.1"), A("192.168.1.10"), A("192.168.1.11"), A("192.168.2.1")];
    const exclude = [
      { first: A("192.168.1.1"), last: A("192.168.1.1") }, // gateway
      { first: A("192.168.1.100"), last: A("192.168.1.199") }, // DHCP pool
      { first: A("192.168.1.150"), last: A("192.168.1.160") }, // overlapping pool
    ];
    const iv = freeIntervals(p, used, { exclude }).map((i) => [fmt(p, i.first), fmt(p, i.last), i.size]);
    expect(iv).toEqual([
      ["192.168.1.2", "192.168.1.9", 8n],
      ["192.168.1.12", "192.168.1.19", 8n],
      ["192.168.1.21", "192.168.1.99", 79n],
      ["192.168.1.200", "192.168.1.254", 55n],
    ]);
    expect(freeCount(p, used, { exclude })).toBe(8n + 8n + 79n + 55n);
    expect(fmt(p, firstFree(p, used, { exclude }))).toBe("192.168.1.2");
    expect(freeAddresses(p, used, { exclude, count: 10 }).map((v) => fmt(p, v))).toEqual([
      "192.168.1.2",
      "192.168.1.3",
      "192.168.1.4",
      "192.168.1.5",
      "192.168.1.6",
      "192.168.1.7",
      "192.168.1.8",
      "192.168.1.9",
      "192.168.1.12",
      "192.168.1.13",
    ]);
    expect(freeAddresses(p, used, { exclude, count: 3, after: A("192.168.1.98") }).map((v) => fmt(p, v))).toEqual([
      "192.168.1.99",
      "192.168.1.200",
      "192.168.1.201",
    ]);
    expect(freeIntervals(p, used, { exclude, limit: 2 })).toHaveLength(2);
    expect(freeIntervals(p, used, { exclude, limit: 0 })).toEqual([]);
    expect(freeAddresses(p, used, { count: 0 })).toEqual([]);
  });

  it("huge prefixes are exact and instant", () => {
    expect(freeCount(P("::/0"), [])).toBe((1n << 128n) - 1n);
    expect(freeCount(P("0.0.0.0/0"), [])).toBe((1n << 32n) - 2n);
    const p = P("2001:db8::/32");
    const used = [A("2001:db8::1"), A("2001:db8::3")];
    expect(freeCount(p, used)).toBe(capacity(p) - 2n);
    expect(freeIntervals(p, used).map((i) => [fmt(p, i.first), fmt(p, i.last)])).toEqual([
      ["2001:db8::2", "2001:db8::2"],
      ["2001:db8::4", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"],
    ]);
    expect(fmt(p, firstFree(p, used))).toBe("2001:db8::2");
    const p8 = P("10.0.0.0/8");
    expect(freeIntervals(p8, [A("10.0.0.1")])).toEqual([
      { first: A("10.0.0.2"), last: A("10.255.255.254"), size: 16777213n },
    ]);
    // top of the address space
    const top = P("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120");
    expect(freeCount(top, [(1n << 128n) - 1n])).toBe(254n);
    expect(freeIntervals(top, [(1n << 128n) - 1n]).at(-1)?.last).toBe((1n << 128n) - 2n);
  });

  it("accepts any iterable (Set, generator)", () => {
    const p = P("10.0.0.0/29");
    const used = new Set([A("10.0.0.1"), A("10.0.0.3")]);
    expect(fmt(p, firstFree(p, used))).toBe("10.0.0.2");
    function* gen() {
      yield A("10.0.0.2");
      yield A("10.0.0.1");
    }
    expect(fmt(p, firstFree(p, gen()))).toBe("10.0.0.3");
  });

  it("a wrong `sorted` hint cannot corrupt the result", () => {
    const p = P("10.0.0.0/24");
    const used = [A("10.0.0.3"), A("10.0.0.1"), A("10.0.0.2")];
    expect(fmt(p, firstFree(p, used, { sorted: true }))).toBe("10.0.0.4");
  });

  it("rejects bad arguments", () => {
    const p = P("10.0.0.0/24");
    expect(errorOf(() => freeIntervals(p, [1 as unknown as bigint])).code).toBe("invalid_argument");
    expect(errorOf(() => freeIntervals(p, [], { exclude: [{ first: 5n, last: 4n }] })).code).toBe("invalid_argument");
    expect(errorOf(() => freeIntervals(p, [], { limit: -1 })).code).toBe("invalid_argument");
    expect(errorOf(() => freeAddresses(p, [], { count: 1.5 })).code).toBe("invalid_argument");
    expect(errorOf(() => freeAddresses(p, [], { count: Infinity })).code).toBe("invalid_argument");
    expect(freeIntervals(p, [], { limit: Infinity })).toHaveLength(1);
    expect(errorOf(() => firstFree(p, [], { after: 3 as unknown as bigint })).code).toBe("invalid_argument");
    expect(errorOf(() => firstFree({ family: 4, network: 1n, length: 24 }, [])).code).toBe("host_bits_set");
  });
});

describe("streamed (async) sources", () => {
  it("accepts values, batches and a mix", async () => {
    const p = P("10.0.0.0/24");
    const b = A("10.0.0.0");
    const src = [b + 1n, [b + 2n, b + 3n, b + 3n], [], b + 5n, [b + 5n, b + 6n], [b + 300n]];
    expect(await firstFreeAsync(p, stream(src))).toBe(b + 4n);
    expect(await freeIntervalsAsync(p, stream(src))).toEqual([
      { first: b + 4n, last: b + 4n, size: 1n },
      { first: b + 7n, last: b + 254n, size: 248n },
    ]);
    expect(await freeAddressesAsync(p, stream(src), { count: 3 })).toEqual([b + 4n, b + 7n, b + 8n]);
    expect(await freeCountAsync(p, stream(src))).toBe(249n);
    expect(await firstFreeAsync(p, src)).toBe(b + 4n); // a sync iterable works too
    expect(await firstFreeAsync(p, stream([]))).toBe(b + 1n);
  });

  it("stops pulling once the answer is known", async () => {
    const p = P("10.0.0.0/24");
    const b = A("10.0.0.0");
    let pulled = 0;
    let closed = false;
    async function* cursor() {
      try {
        for (let i = 1; i < 255; i++) {
          pulled++;
          if (i === 5) continue; // 10.0.0.5 is free
          yield [b + BigInt(i)];
        }
      } finally {
        closed = true;
      }
    }
    expect(await firstFreeAsync(p, cursor())).toBe(b + 5n);
    expect(pulled).toBe(6);
    expect(closed).toBe(true);

    pulled = 0;
    const iv = await freeIntervalsAsync(p, cursor(), { limit: 1 });
    expect(iv).toEqual([{ first: b + 5n, last: b + 5n, size: 1n }]);
    expect(pulled).toBe(6);

    // values past the end of the prefix end the sweep too
    let after = 0;
    async function* beyond() {
      yield b + 1n;
      yield b + 1000n;
      after++;
      yield b + 2000n;
    }
    expect(await freeCountAsync(p, beyond())).toBe(253n);
    expect(after).toBe(0);
  });

  it("rejects an unsorted stream", async () => {
    const p = P("10.0.0.0/24");
    const b = A("10.0.0.0");
    await expect(freeIntervalsAsync(p, stream([b + 5n, b + 3n]))).rejects.toThrow(IpamError);
    await expect(freeIntervalsAsync(p, stream([[b + 5n, b + 3n]]))).rejects.toThrow(/ascending/);
    await expect(freeIntervalsAsync(p, stream([[b + 5n], [b + 4n]]))).rejects.toThrow(/ascending/);
    await expect(freeIntervalsAsync(p, stream([1 as unknown as bigint]))).rejects.toThrow(IpamError);
  });
});

// ---------------------------------------------------------------------------
// Property tests against brute-force enumeration (IPv4 /20–/32, IPv6 /116–/128).

const MAX128 = (1n << 128n) - 1n;

function maskNet(family: 4 | 6, v: bigint, length: number): bigint {
  const bits = family === 4 ? 32 : 128;
  return (v >> BigInt(bits - length)) << BigInt(bits - length);
}

const smallPrefix: fc.Arbitrary<Prefix> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 20, max: 32 }), fc.oneof(fc.constant(0n), fc.constant(0xffffffffn), fc.bigInt({ min: 0n, max: 0xffffffffn })))
    .map(([length, v]) => ({ family: 4 as const, network: maskNet(4, v, length), length })),
  fc
    .tuple(fc.integer({ min: 116, max: 128 }), fc.oneof(fc.constant(0n), fc.constant(MAX128), fc.bigInt({ min: 0n, max: MAX128 })))
    .map(([length, v]) => ({ family: 6 as const, network: maskNet(6, v, length), length })),
);

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Scenario {
  p: Prefix;
  used: bigint[];
  sortedUsed: bigint[];
  exclude: Array<{ first: bigint; last: bigint }>;
  after: bigint | undefined;
  count: number;
  limit: number;
  batches: Array<bigint | bigint[]>;
}

const scenario: fc.Arbitrary<Scenario> = smallPrefix.chain((p) => {
  const size = 2 ** ((p.family === 4 ? 32 : 128) - p.length);
  const off = fc.integer({ min: -6, max: size + 6 });
  return fc
    .record({
      points: fc.array(off, { maxLength: 40 }),
      runs: fc.array(fc.tuple(off, fc.integer({ min: 1, max: 300 })), { maxLength: 4 }),
      full: fc.integer({ min: 0, max: 9 }),
      excl: fc.array(fc.tuple(off, fc.integer({ min: 0, max: 60 })), { maxLength: 3 }),
      after: fc.option(off, { nil: undefined }),
      order: fc.constantFrom("sorted", "shuffled", "reversed"),
      seed: fc.integer(),
      count: fc.integer({ min: 0, max: 25 }),
      limit: fc.integer({ min: 0, max: 6 }),
      cuts: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }),
    })
    .map((r) => {
      const offs = [...r.points];
      for (const [s, n] of r.runs) for (let i = 0; i < n; i++) offs.push(s + i);
      if (r.full === 0) for (let i = -1; i <= size; i++) offs.push(i); // occasionally a full prefix
      const vals = offs.map((o) => p.network + BigInt(o));
      const sortedUsed = vals.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const used = r.order === "sorted" ? sortedUsed : r.order === "reversed" ? sortedUsed.slice().reverse() : shuffle(vals, r.seed);
      // cut the sorted list into single values and batches of various sizes
      const batches: Array<bigint | bigint[]> = [];
      let i = 0;
      let c = 0;
      while (i < sortedUsed.length) {
        const n = r.cuts.length ? r.cuts[c++ % r.cuts.length] : 3;
        if (n === 0) batches.push(sortedUsed[i++]);
        else {
          batches.push(sortedUsed.slice(i, i + n));
          i += n;
        }
      }
      return {
        p,
        used,
        sortedUsed,
        exclude: r.excl.map(([s, n]) => ({ first: p.network + BigInt(s), last: p.network + BigInt(s + n) })),
        after: r.after === undefined ? undefined : p.network + BigInt(r.after),
        count: r.count,
        limit: r.limit,
        batches,
      };
    });
});

const RUNS = { numRuns: 150 };

describe("free space agrees with enumeration (property)", () => {
  it("freeIntervals / freeCount / firstFree / freeAddresses", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { p, used, exclude, after } = s;
        const free = enumerateFree(p, used, exclude, after);
        const opts = { exclude, after };
        const expected: Interval[] = toIntervals(free);
        expect(freeIntervals(p, used, opts)).toEqual(expected);
        expect(freeIntervals(p, used, { ...opts, limit: s.limit })).toEqual(expected.slice(0, s.limit));
        expect(freeCount(p, used, opts)).toBe(BigInt(free.length));
        expect(firstFree(p, used, opts)).toBe(free[0] ?? null);
        expect(freeAddresses(p, used, { ...opts, count: s.count })).toEqual(free.slice(0, s.count));
        expect(freeSummary(p, used, { ...opts, limit: s.limit })).toEqual({
          intervals: expected.slice(0, s.limit),
          firstFree: free[0] ?? null,
          freeCount: BigInt(free.length),
        });
        // without `after`, the count is capacity − (distinct used usable addresses ∪ exclusions)
        const all = enumerateFree(p, used, exclude);
        expect(freeCount(p, used, { exclude })).toBe(BigInt(all.length));
        expect(BigInt(enumerateFree(p, []).length)).toBe(capacity(p));
      }),
      RUNS,
    );
  });

  it("async variants agree with the sync ones on batched sorted streams", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { p, exclude, after } = s;
        const free = enumerateFree(p, s.used, exclude, after);
        const opts = { exclude, after };
        expect(await freeIntervalsAsync(p, stream(s.batches), opts)).toEqual(toIntervals(free));
        expect(await freeIntervalsAsync(p, stream(s.batches), { ...opts, limit: s.limit })).toEqual(
          toIntervals(free).slice(0, s.limit),
        );
        expect(await firstFreeAsync(p, stream(s.batches), opts)).toBe(free[0] ?? null);
        expect(await freeAddressesAsync(p, stream(s.batches), { ...opts, count: s.count })).toEqual(free.slice(0, s.count));
        expect(await freeCountAsync(p, stream(s.batches), opts)).toBe(BigInt(free.length));
        expect(await freeSummaryAsync(p, stream(s.batches), { ...opts, limit: s.limit })).toEqual({
          intervals: toIntervals(free).slice(0, s.limit),
          firstFree: free[0] ?? null,
          freeCount: BigInt(free.length),
        });
      }),
      RUNS,
    );
  });
});

// Large prefixes (every internal path: BigInt sweep, numeric offsets as Uint32 and
// Float64, BigInt sort) against a naive interval algorithm that does not enumerate.

const anyPrefix: fc.Arbitrary<Prefix> = fc
  .oneof(
    fc.tuple(fc.constant(4 as const), fc.integer({ min: 0, max: 32 })),
    fc.tuple(fc.constant(6 as const), fc.integer({ min: 0, max: 74 })),
    fc.tuple(fc.constant(6 as const), fc.integer({ min: 75, max: 95 })),
    fc.tuple(fc.constant(6 as const), fc.integer({ min: 96, max: 128 })),
  )
  .chain(([family, length]) =>
    fc
      .bigInt({ min: 0n, max: family === 4 ? 0xffffffffn : MAX128 })
      .map((v) => ({ family, network: maskNet(family, v, length), length })),
  );

const bigScenario = anyPrefix.chain((p) => {
  const size = 1n << BigInt((p.family === 4 ? 32 : 128) - p.length);
  const pos = fc.oneof(
    fc.bigInt({ min: 0n, max: size - 1n }),
    fc.bigInt({ min: 0n, max: size < 64n ? size - 1n : 64n }),
    fc.bigInt({ min: size > 64n ? size - 64n : 0n, max: size - 1n }),
  );
  return fc.record({
    p: fc.constant(p),
    clusters: fc.array(fc.tuple(pos, fc.array(fc.integer({ min: -3, max: 40 }), { maxLength: 30 })), { maxLength: 5 }),
    excl: fc.array(fc.tuple(pos, fc.bigInt({ min: 0n, max: 100n })), { maxLength: 3 }),
    after: fc.option(pos, { nil: undefined }),
    seed: fc.integer(),
    sorted: fc.boolean(),
  });
});

describe("free space on large prefixes agrees with a naive interval algorithm (property)", () => {
  it("all internal paths", () => {
    fc.assert(
      fc.property(bigScenario, (s) => {
        const { p } = s;
        const vals: bigint[] = [];
        for (const [c, offs] of s.clusters) for (const o of offs) vals.push(p.network + c + BigInt(o));
        const sorted = vals.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const used = s.sorted ? sorted : shuffle(vals, s.seed);
        const exclude = s.excl.map(([f, n]) => ({ first: p.network + f, last: p.network + f + n }));
        const after = s.after === undefined ? undefined : p.network + s.after;
        const want = naiveFreeIntervals(p, used, exclude, after);
        const opts = { exclude, after };
        expect(freeIntervals(p, used, opts)).toEqual(want);
        expect(freeCount(p, used, opts)).toBe(want.reduce((a, i) => a + i.size, 0n));
        expect(freeSummary(p, used, opts)).toEqual({
          intervals: want,
          firstFree: want[0]?.first ?? null,
          freeCount: want.reduce((a, i) => a + i.size, 0n),
        });
        expect(firstFree(p, used, opts)).toBe(want[0]?.first ?? null);
        const addrs: bigint[] = [];
        for (const i of want) for (let a = i.first; a <= i.last && addrs.length < 7; a++) addrs.push(a);
        expect(freeAddresses(p, used, { ...opts, count: 7 })).toEqual(addrs);
      }),
      { numRuns: 200 },
    );
  });
});
