import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalAddress, checkNetwork, isCanonicalAddress, isColonMac, networkTag } from "@/plugins/dnsmasq/checks";
import { net } from "@/plugins/dnsmasq/testing/fixture";
import { parsePrefix } from "@/lib/ipam";

describe("export-time checks", () => {
  it("the IPv4 fast path agrees with parse + format on dotted quads of every spelling", () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.integer({ min: 0, max: 99 }).map((n) => `0${n}`));
    fc.assert(fc.property(fc.tuple(octet, octet, octet, octet), fc.constantFrom(4, 6), (parts, family) => {
      const text = parts.join(".");
      expect(isCanonicalAddress(text, family)).toBe(canonicalAddress(text, family) !== null);
    }));
  });

  it.each([["10.0.0.1", 4, true], ["10.0.0.01", 4, false], [" 10.0.0.1", 4, false], ["2001:db8::1", 6, true], ["2001:DB8::1", 6, false], ["2001:db8:0::1", 6, false], ["10.0.0.1", 6, false]])(
    "%j as IPv%i canonical: %s", (text, family, ok) => expect(isCanonicalAddress(text as string, family as number)).toBe(ok),
  );

  it("MACs only in lower-case colon form", () => {
    expect(["52:54:00:ab:cd:ef"].map(isColonMac)).toEqual([true]);
    expect(["52-54-00-ab-cd-ef", "52:54:00:AB:CD:EF", "5254.00ab.cdef", "52:54:00:ab:cd:ef,set:x", "52:54:00:ab:cd"].map(isColonMac)).toEqual([false, false, false, false, false]);
  });

  it("a network's unusable parts are dropped, with reasons that do not quote them", () => {
    const checked = checkNetwork(net({ id: 1, network: "10.0.0.0", cidr: 24, domain: "x\ny", gateway: "10.0.0.0", dhcpStart: "10.0.0.9", dhcpEnd: "10.0.0.5" }));
    expect(checked).toMatchObject({ domain: null, gateway: null, pool: null });
    expect(checked!.problems.join(" ")).not.toMatch(/x\ny|10\.0\.0\./);
    expect(checkNetwork(net({ id: 2, network: "10.0.0.1", cidr: 24 }))).toBeNull();
    expect(checkNetwork(net({ id: 3, network: "10.0.0.0", cidr: 24, family: 6 }))).toBeNull();
  });

  it("tags are stable, distinct per prefix and plain", () => {
    expect(networkTag(parsePrefix("10.0.0.0/24"))).toBe("v4-10-0-0-0-24");
    expect(networkTag(parsePrefix("2001:db8::/64"))).toBe("v6-2001-db8---64");
    expect(networkTag(parsePrefix("10.0.0.0/24"))).not.toBe(networkTag(parsePrefix("10.0.0.0/25")));
  });
});
