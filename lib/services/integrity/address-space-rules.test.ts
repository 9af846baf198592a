import { describe, expect, it } from "vitest";
import { inPoolWithoutMac, poolChildOverlaps, type PooledNetwork } from "@/lib/services/integrity/address-space-rules";
import { NameClaims } from "@/lib/services/integrity/name-claims";

const n = (id: number, first: number, last: number, pool: [number, number] | null = null, family = 4): PooledNetwork => ({
  id, family, first: BigInt(first), last: BigInt(last), pool: pool && { first: BigInt(pool[0]), last: BigInt(pool[1]) },
});

describe("poolChildOverlaps", () => {
  it("names each direct child that overlaps the pool, in any input order, and skips grandchildren", () => {
    const networks = [n(3, 128, 191), n(1, 0, 255, [150, 200]), n(2, 128, 255), n(4, 0, 63), n(5, 0, 255, [0, 10], 6)];
    expect(poolChildOverlaps(networks)).toEqual([{ networkId: 1, childId: 2 }]);
  });

  it("a pool beside its children, or children of another family, is fine", () => {
    expect(poolChildOverlaps([n(1, 0, 255, [100, 127]), n(2, 128, 255), n(3, 0, 63), n(4, 100, 110, null, 6)])).toEqual([]);
  });

  it("each overlapping child of one pool is named", () => {
    expect(poolChildOverlaps([n(1, 0, 255, [0, 255]), n(2, 0, 63), n(3, 64, 127)])).toEqual([{ networkId: 1, childId: 2 }, { networkId: 1, childId: 3 }]);
  });
});

describe("inPoolWithoutMac", () => {
  const pool = { first: 10n, last: 20n };
  it.each([[10n, null, true], [20n, "", true], [15n, "52:54:00:00:00:01", false], [9n, null, false], [21n, null, false]] as const)("%s mac=%s → %s", (v, mac, want) => {
    expect(inPoolWithoutMac(pool, v, mac)).toBe(want);
  });
  it("no pool, no rule", () => expect(inPoolWithoutMac(null, 1n, null)).toBe(false));
});

describe("NameClaims", () => {
  it("a name of one host is its own, whatever else that host claims twice", () => {
    const c = new NameClaims();
    c.claim("a.example", 5, false);
    c.claim("a.example", 5, false);
    expect(c.verdict("a.example", 5)).toEqual({ kind: "own" });
    expect(c.sharedNames()).toEqual([]);
  });

  it("shared by round-robin hostnames only: everyone's; with one exclusive claim: the lowest id's", () => {
    const c = new NameClaims();
    c.claim("rr", 9, true);
    c.claim("rr", 3, true);
    c.claim("rr", 7, true);
    c.claim("x", 9, true);
    c.claim("x", 4, false);
    c.claim("x", 2, true);
    expect(c.verdict("rr", 7)).toEqual({ kind: "round-robin", holders: 3 });
    expect(c.verdict("x", 2)).toEqual({ kind: "own" });
    expect(c.verdict("x", 9)).toEqual({ kind: "conflict", owner: 2 });
    expect(c.verdict("x", 4)).toEqual({ kind: "conflict", owner: 2 });
    expect(c.sharedNames()).toEqual([
      { fqdn: "rr", owner: 3, hostIds: [9, 3, 7], roundRobin: true },
      { fqdn: "x", owner: 2, hostIds: [9, 4, 2], roundRobin: false },
    ]);
  });
});
