import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_UNLIMITED_RESULTS,
  firstFreeSubnet,
  formatPrefix,
  freeSpace,
  freeSubnetCount,
  freeSubnets,
  iterSubnets,
  parseAddress,
  parsePrefix,
  rangeToCidrs,
  subnetCount,
  subnets,
  summarize,
  type Prefix,
} from "./index";
import { errorOf } from "./testing/error-of";
import {
  enumerateFreeSubnets,
  expand,
  lastOf,
  mergeRanges,
  minimalCidrs,
  naiveFreeSubnets,
  naiveGaps,
  naiveRangeCidrs,
} from "./testing/oracle";

const P = (s: string) => parsePrefix(s);
const A = (s: string) => parseAddress(s).value;
const F = (ps: Prefix[]) => ps.map(formatPrefix);


describe("subnets", () => {
  it("splits lazily with limit and offset", () => {
    expect(F(subnets(P("10.0.0.0/24"), 26))).toEqual(["10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/26", "10.0.0.192/26"]);
    expect(F(subnets(P("10.0.0.0/8"), 24, { limit: 3, offset: 5n }))).toEqual(["10.0.5.0/24", "10.0.6.0/24", "10.0.7.0/24"]);
    expect(F(subnets(P("10.0.0.0/24"), 24))).toEqual(["10.0.0.0/24"]);
    expect(F(subnets(P("10.0.0.0/24"), 26, { offset: 3 }))).toEqual(["10.0.0.192/26"]);
    expect(subnets(P("10.0.0.0/24"), 26, { offset: 4n })).toEqual([]);
    expect(F(subnets(P("::/0"), 64, { limit: 2, offset: (1n << 64n) - 1n }))).toEqual(["ffff:ffff:ffff:ffff::/64"]);
    expect(F(subnets(P("2001:db8::/32"), 48, { limit: 2 }))).toEqual(["2001:db8::/48", "2001:db8:1::/48"]);
    expect(subnetCount(P("::/0"), 128)).toBe(1n << 128n);
    const it6 = iterSubnets(P("2001:db8::/32"), 64, 1n << 31n);
    expect(formatPrefix(it6.next().value as Prefix)).toBe("2001:db8:8000::/64");
  });

  it("refuses to materialize huge lists without a limit", () => {
    expect(errorOf(() => subnets(P("10.0.0.0/8"), 32)).code).toBe("invalid_argument");
    expect(errorOf(() => subnets(P("::/0"), 64)).code).toBe("invalid_argument");
    expect(errorOf(() => subnets(P("::/0"), 64, { limit: Infinity })).code).toBe("invalid_argument");
    expect(subnets(P("10.0.0.0/8"), 24)).toHaveLength(MAX_UNLIMITED_RESULTS);
  });

  it("rejects bad lengths", () => {
    expect(errorOf(() => subnets(P("10.0.0.0/24"), 23)).code).toBe("invalid_argument");
    expect(errorOf(() => subnets(P("10.0.0.0/24"), 33)).code).toBe("invalid_argument");
    expect(errorOf(() => subnets(P("10.0.0.0/24"), 25, { offset: -1n })).code).toBe("invalid_argument");
  });
});

describe("free subnets", () => {
  const sup = P("192.0.2.0/24");
  const kids = [P("192.0.2.64/26"), P("192.0.2.192/27")];

  it("NetBox's case: free space of 192.0.2.0/24 with 192.0.2.64/26 and 192.0.2.192/27", () => {
    expect(F(freeSpace(sup, kids))).toEqual(["192.0.2.0/26", "192.0.2.128/26", "192.0.2.224/27"]);
    expect(F(freeSubnets(sup, kids, 26))).toEqual(["192.0.2.0/26", "192.0.2.128/26"]);
    expect(F(freeSubnets(sup, kids, 27))).toEqual([
      "192.0.2.0/27",
      "192.0.2.32/27",
      "192.0.2.128/27",
      "192.0.2.160/27",
      "192.0.2.224/27",
    ]);
    expect(freeSubnetCount(sup, kids, 27)).toBe(5n);
    expect(freeSubnets(sup, kids, 25)).toEqual([]);
    expect(formatPrefix(firstFreeSubnet(sup, kids, 27)!)).toBe("192.0.2.0/27");
    expect(formatPrefix(firstFreeSubnet(sup, [P("192.0.2.0/26"), ...kids], 26)!)).toBe("192.0.2.128/26");
  });

  it("children overlapping, containing, outside, or of the other family", () => {
    // a child containing the supernet blocks everything
    expect(freeSubnets(sup, [P("192.0.0.0/16")], 28)).toEqual([]);
    expect(freeSpace(sup, [P("192.0.2.0/24")])).toEqual([]);
    expect(firstFreeSubnet(sup, [P("0.0.0.0/0")], 32)).toBeNull();
    // a host child blocks the candidate holding it
    expect(F(freeSubnets(sup, [P("192.0.2.5/32")], 26))).toEqual(["192.0.2.64/26", "192.0.2.128/26", "192.0.2.192/26"]);
    // outside and other-family children are ignored
    expect(freeSubnets(sup, [P("10.0.0.0/8"), P("::/0"), P("192.0.3.0/24")], 24)).toEqual([sup]);
    // duplicates and nested children
    expect(F(freeSpace(sup, [P("192.0.2.0/25"), P("192.0.2.0/26"), P("192.0.2.0/25")]))).toEqual(["192.0.2.128/25"]);
    expect(F(freeSpace(P("2001:db8::/32"), [P("2001:db8::/48")]))).toEqual([
      "2001:db8:1::/48",
      "2001:db8:2::/47",
      "2001:db8:4::/46",
      "2001:db8:8::/45",
      "2001:db8:10::/44",
      "2001:db8:20::/43",
      "2001:db8:40::/42",
      "2001:db8:80::/41",
      "2001:db8:100::/40",
      "2001:db8:200::/39",
      "2001:db8:400::/38",
      "2001:db8:800::/37",
      "2001:db8:1000::/36",
      "2001:db8:2000::/35",
      "2001:db8:4000::/34",
      "2001:db8:8000::/33",
    ]);
  });

  it("limits, huge spaces, the top of the address space", () => {
    expect(F(freeSubnets(P("2001:db8::/32"), [P("2001:db8::/64")], 64, { limit: 2 }))).toEqual([
      "2001:db8:0:1::/64",
      "2001:db8:0:2::/64",
    ]);
    expect(freeSubnetCount(P("::/0"), [], 128)).toBe(1n << 128n);
    expect(errorOf(() => freeSubnets(P("::/0"), [], 64)).code).toBe("invalid_argument");
    expect(freeSubnets(P("::/0"), [], 64, { limit: 0 })).toEqual([]);
    const top = P("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120");
    expect(F(freeSubnets(top, [P("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/121")], 121))).toEqual([
      "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff80/121",
    ]);
    expect(F(freeSpace(P("255.255.255.0/24"), [P("255.255.255.0/25")]))).toEqual(["255.255.255.128/25"]);
  });

  it("handles 100,000 shuffled children quickly", () => {
    const sup8 = P("10.0.0.0/8");
    const kids8: Prefix[] = [];
    for (let i = 0; i < 100_000; i++) kids8.push({ family: 4, network: A("10.0.0.0") + BigInt(i * 16), length: 28 });
    kids8.reverse();
    const t0 = performance.now();
    expect(formatPrefix(firstFreeSubnet(sup8, kids8, 26)!)).toBe("10.24.106.0/26");
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe("summarize and rangeToCidrs", () => {
  it("collapses adjacent and overlapping prefixes", () => {
    expect(F(summarize([P("192.0.2.0/25"), P("192.0.2.128/25")]))).toEqual(["192.0.2.0/24"]);
    expect(F(summarize([P("10.0.0.0/24"), P("10.0.1.0/24"), P("10.0.2.0/24")]))).toEqual(["10.0.0.0/23", "10.0.2.0/24"]);
    expect(F(summarize([P("10.0.0.0/8"), P("10.1.0.0/16"), P("10.0.0.0/8")]))).toEqual(["10.0.0.0/8"]);
    expect(F(summarize([P("10.0.1.0/24"), P("10.0.0.0/24")]))).toEqual(["10.0.0.0/23"]);
    // not mergeable: adjacent but not siblings
    expect(F(summarize([P("10.0.1.0/24"), P("10.0.2.0/24")]))).toEqual(["10.0.1.0/24", "10.0.2.0/24"]);
    expect(F(summarize([P("2001:db8::/33"), P("2001:db8:8000::/33"), P("10.0.0.0/32"), P("10.0.0.1/32")]))).toEqual([
      "10.0.0.0/31",
      "2001:db8::/32",
    ]);
    expect(F(summarize([P("0.0.0.0/1"), P("128.0.0.0/1")]))).toEqual(["0.0.0.0/0"]);
    expect(summarize([])).toEqual([]);
  });

  it("converts ranges to CIDRs", () => {
    expect(F(rangeToCidrs(4, A("192.0.2.0"), A("192.0.2.130")))).toEqual(["192.0.2.0/25", "192.0.2.128/31", "192.0.2.130/32"]);
    expect(F(rangeToCidrs(4, 0n, 0xffffffffn))).toEqual(["0.0.0.0/0"]);
    expect(F(rangeToCidrs(6, 0n, (1n << 128n) - 1n))).toEqual(["::/0"]);
    expect(F(rangeToCidrs(6, 1n, (1n << 128n) - 2n))).toHaveLength(254);
    expect(F(rangeToCidrs(4, A("10.0.0.7"), A("10.0.0.7")))).toEqual(["10.0.0.7/32"]);
    expect(F(rangeToCidrs(4, 0xffffffffn, 0xffffffffn))).toEqual(["255.255.255.255/32"]);
    expect(errorOf(() => rangeToCidrs(4, 2n, 1n)).code).toBe("invalid_argument");
    expect(errorOf(() => rangeToCidrs(4, 0n, 1n << 32n)).code).toBe("invalid_argument");
  });
});

// ---------------------------------------------------------------------------
// Property tests against enumeration.

const MAX128 = (1n << 128n) - 1n;

/** A small supernet (IPv4 /20–/32, IPv6 /116–/128) with children drawn inside, around and over it. */
const planScenario = fc
  .oneof(
    fc.tuple(fc.constant(4 as const), fc.integer({ min: 20, max: 32 }), fc.bigInt({ min: 0n, max: 0xffffffffn })),
    fc.tuple(fc.constant(6 as const), fc.integer({ min: 116, max: 128 }), fc.bigInt({ min: 0n, max: MAX128 })),
  )
  .chain(([family, length, v]) => {
    const bits = family === 4 ? 32 : 128;
    const hb = BigInt(bits - length);
    const sup: Prefix = { family, network: (v >> hb) << hb, length };
    // a child: any length from supernet−2 to max, anywhere within [network − 2·size, network + 2·size]
    const child = fc
      .tuple(fc.integer({ min: Math.max(0, length - 2), max: bits }), fc.bigInt({ min: -2n << hb, max: 2n << hb }))
      .map(([clen, off]): Prefix => {
        let x = sup.network + off;
        const max = family === 4 ? 0xffffffffn : MAX128;
        if (x < 0n) x = 0n;
        if (x > max) x = max;
        const h = BigInt(bits - clen);
        return { family, network: (x >> h) << h, length: clen };
      });
    return fc.record({
      sup: fc.constant(sup),
      children: fc.array(child, { maxLength: 12 }),
      length: fc.integer({ min: length, max: Math.min(bits, length + 8) }),
      limit: fc.integer({ min: 0, max: 10 }),
    });
  });

describe("subnet planning agrees with enumeration (property)", () => {
  it("freeSubnets / firstFreeSubnet / freeSubnetCount / freeSpace", () => {
    fc.assert(
      fc.property(planScenario, ({ sup, children, length, limit }) => {
        const want = enumerateFreeSubnets(sup, children, length);
        expect(freeSubnets(sup, children, length, { limit: 1 << 20 })).toEqual(want);
        expect(freeSubnets(sup, children, length, { limit })).toEqual(want.slice(0, limit));
        expect(firstFreeSubnet(sup, children, length)).toEqual(want[0] ?? null);
        expect(freeSubnetCount(sup, children, length)).toBe(BigInt(want.length));
        // free space = supernet minus the children, as the minimal CIDR list
        const supAddrs = expand([sup]);
        const covered = new Set(expand(children.filter((c) => c.network <= lastOf(sup) && lastOf(c) >= sup.network)));
        const freeAddrs = supAddrs.filter((a) => !covered.has(a));
        expect(freeSpace(sup, children)).toEqual(minimalCidrs(sup.family, freeAddrs));
      }),
      { numRuns: 200 },
    );
  });

  it("summarize is the exact minimal cover; rangeToCidrs covers exactly the range", () => {
    fc.assert(
      fc.property(planScenario, ({ sup, children }) => {
        const inside = children.filter((c) => c.length >= sup.length && c.network >= sup.network && lastOf(c) <= lastOf(sup));
        const got = summarize(inside);
        const want = minimalCidrs(sup.family, expand(inside));
        expect(got).toEqual(want);
        // no two results overlap or could be merged into their parent
        for (let i = 1; i < got.length; i++) {
          expect(got[i].network > lastOf(got[i - 1])).toBe(true);
          const a = got[i - 1];
          const b = got[i];
          const siblings = a.length === b.length && lastOf(a) + 1n === b.network && (a.network >> BigInt((sup.family === 4 ? 32 : 128) - a.length + 1)) === (b.network >> BigInt((sup.family === 4 ? 32 : 128) - b.length + 1));
          expect(siblings).toBe(false);
        }
        // rangeToCidrs of each pair of child bounds
        if (inside.length >= 1) {
          const lo = inside[0].network;
          const hi = lastOf(inside[inside.length - 1]);
          const [f, l] = lo <= hi ? [lo, hi] : [hi, lo];
          const cidrs = rangeToCidrs(sup.family, f, l);
          const addrs: bigint[] = [];
          for (let a = f; a <= l; a++) addrs.push(a);
          expect(cidrs).toEqual(minimalCidrs(sup.family, addrs));
          expect(expand(cidrs)).toEqual(addrs);
        }
      }),
      { numRuns: 200 },
    );
  });
});

// Large prefixes (numeric and BigInt sort paths) against naive interval arithmetic.

const anyPrefix = (family: 4 | 6, minLen: number, maxLen: number) =>
  fc.tuple(fc.integer({ min: minLen, max: maxLen }), fc.bigInt({ min: 0n, max: family === 4 ? 0xffffffffn : MAX128 })).map(
    ([length, v]): Prefix => {
      const h = BigInt((family === 4 ? 32 : 128) - length);
      return { family, network: (v >> h) << h, length };
    },
  );

const largeScenario = fc
  .oneof(
    fc.tuple(fc.constant(4 as const), anyPrefix(4, 0, 24)),
    fc.tuple(fc.constant(6 as const), anyPrefix(6, 0, 100)),
  )
  .chain(([family, sup]) => {
    const bits = family === 4 ? 32 : 128;
    const hb = BigInt(bits - sup.length);
    const size = 1n << hb;
    // children clustered near a few points of the supernet, plus some anywhere
    const child = fc
      .tuple(
        fc.integer({ min: Math.max(0, sup.length - 1), max: bits }),
        fc.oneof(fc.bigInt({ min: 0n, max: size - 1n }), fc.bigInt({ min: 0n, max: size < 4096n ? size - 1n : 4096n })),
      )
      .map(([clen, off]): Prefix => {
        const h = BigInt(bits - clen);
        return { family, network: ((sup.network + off) >> h) << h, length: clen };
      });
    return fc.record({
      sup: fc.constant(sup),
      children: fc.array(child, { maxLength: 15 }),
      length: fc.integer({ min: sup.length, max: Math.min(bits, sup.length + 60) }),
    });
  });

describe("subnet planning on large prefixes agrees with naive interval arithmetic (property)", () => {
  it("freeSpace / freeSubnets / freeSubnetCount / summarize", () => {
    fc.assert(
      fc.property(largeScenario, ({ sup, children, length }) => {
        const gaps = naiveGaps(sup, children);
        expect(freeSpace(sup, children)).toEqual(gaps.flatMap(([f, l]) => naiveRangeCidrs(sup.family, f, l)));
        const want = naiveFreeSubnets(sup, children, length, 20);
        expect(freeSubnets(sup, children, length, { limit: 20 })).toEqual(want.list);
        expect(freeSubnetCount(sup, children, length)).toBe(want.count);
        const merged = mergeRanges(children.map((c): [bigint, bigint] => [c.network, lastOf(c)]));
        expect(summarize(children)).toEqual(merged.flatMap(([f, l]) => naiveRangeCidrs(sup.family, f, l)));
      }),
      { numRuns: 200 },
    );
  });
});
