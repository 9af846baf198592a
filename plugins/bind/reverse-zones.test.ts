import { describe, expect, it } from "vitest";
import { parseAddress, parsePrefix } from "@/lib/ipam";
import { ptrLabel, reverseZoneName, ReverseZoneFinder } from "@/plugins/bind/reverse-zones";

describe("reverse zones", () => {
  const finder = new ReverseZoneFinder(["10.0.0.0/8", "192.0.2.0/24", "192.0.2.64/26", "192.0.2.64/28", "192.0.2.200/30", "2001:db8::/48", "2001:db8:0:1::/64", "2001:db8:0:4::/62", "2001:db8:0:3::/120"].map((p) => parsePrefix(p)));
  const zone = (ip: string) => finder.zoneOf(parseAddress(ip)).name;

  it("IPv4: the /24, or the outermost network smaller than a /24 as an RFC 2317 block", () => {
    expect(zone("10.1.2.3")).toBe("2.1.10.in-addr.arpa");
    expect(zone("192.0.2.5")).toBe("2.0.192.in-addr.arpa");
    expect(zone("192.0.2.70")).toBe("64/26.2.0.192.in-addr.arpa");
    expect(zone("192.0.2.66")).toBe("64/26.2.0.192.in-addr.arpa"); // inside the /28 too: the /26 block wins, blocks never overlap
    expect(zone("192.0.2.201")).toBe("200/30.2.0.192.in-addr.arpa");
    expect(ptrLabel(finder.zoneOf(parseAddress("192.0.2.70")), parseAddress("192.0.2.70"))).toBe("70");
  });

  it("IPv6: the most specific network's prefix rounded down to a nibble, at most a /64; an address in no network gets its /64", () => {
    expect(zone("2001:db8:0:ff00::5")).toBe("0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"); // the /48
    expect(zone("2001:db8:0:1::5")).toBe("1.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"); // the /64
    expect(zone("2001:db8:0:4::5")).toBe("0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"); // the /62 → its /60
    expect(zone("2001:db8::5")).toBe("0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"); // in the /48 only, but inside that /60 zone: the most specific zone holds it
    expect(zone("2001:db8:0:3::5")).toBe("3.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"); // a /120 shares its /64
    expect(zone("2001:db9::1")).toBe("0.0.0.0.0.0.0.0.9.b.d.0.1.0.0.2.ip6.arpa"); // in no network: its /64
    const a = parseAddress("2001:db8:0:1::5");
    expect(ptrLabel(finder.zoneOf(a), a)).toBe("5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0");
  });

  it("?reverse= takes a /24 or longer IPv4 prefix, or an IPv6 one on a nibble boundary", () => {
    expect(reverseZoneName("192.0.2.0/24")).toEqual({ name: "2.0.192.in-addr.arpa" });
    expect(reverseZoneName("192.0.2.64/26")).toEqual({ name: "64/26.2.0.192.in-addr.arpa" });
    expect(reverseZoneName("2001:db8::/48")).toEqual({ name: "0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa" });
    expect(reverseZoneName("10.0.0.0/16")).toEqual({ problem: expect.stringMatching(/\/24/) });
    expect(reverseZoneName("2001:db8::/50")).toEqual({ problem: expect.stringMatching(/nibble/) });
    expect(reverseZoneName("192.0.2.0")).toEqual({ problem: expect.stringMatching(/needs a prefix length, e\.g\. 192\.0\.2\.0\/24/) });
    expect(reverseZoneName("192.0.2.1/24")).toEqual({ problem: expect.stringMatching(/did you mean 192\.0\.2\.0\/24/) });
    expect(reverseZoneName("web;rm")).toEqual({ problem: expect.any(String) });
  });
});
