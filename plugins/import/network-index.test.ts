import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastAddress, makePrefix, sortKeyOf } from "@/lib/ipam";
import { NetworkIndex, type IndexedNetwork } from "@/plugins/import/network-index";

// The innermost-network lookup against brute force, on random nested and
// disjoint IPv4 prefixes in a small space (so keys often hit boundaries).

const prefix = fc.record({ length: fc.integer({ min: 20, max: 32 }), value: fc.integer({ min: 0, max: 4095 }) }).map(({ length, value }) => {
  const p = makePrefix(4, (0x0a000000n + BigInt(value)) & ~((1n << BigInt(32 - length)) - 1n), length);
  return { startKey: sortKeyOf(4, p.network), endKey: sortKeyOf(4, lastAddress(p)), cidr: length, family: 4, network: "" };
});

describe("NetworkIndex.innermost", () => {
  it("finds the smallest network containing each key, or null", () => {
    fc.assert(fc.property(fc.uniqueArray(prefix, { selector: (p) => `${p.startKey}/${p.cidr}`, maxLength: 25 }), fc.array(fc.integer({ min: 0, max: 4200 }), { maxLength: 40 }), (prefixes, probes) => {
      const networks: IndexedNetwork[] = prefixes.map((p, i) => ({ ...p, id: i + 1 }));
      const index = new NetworkIndex(networks);
      for (const probe of probes) {
        const key = sortKeyOf(4, 0x0a000000n + BigInt(probe));
        const containing = networks.filter((n) => n.startKey <= key && key <= n.endKey).sort((a, b) => b.cidr - a.cidr);
        expect(index.innermost(key)?.id ?? null).toBe(containing[0]?.id ?? null);
      }
    }));
  });
});
