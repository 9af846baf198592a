import { describe, expect, it } from "vitest";
import {
  IpamError,
  addressCount,
  capacity,
  containsAddress,
  containsPrefix,
  firstUsable,
  formatPrefix,
  formatValue,
  lastAddress,
  lastUsable,
  makePrefix,
  maxLength,
  overlaps,
  parseAddress,
  parsePrefix,
  prefixFacts,
  prefixOf,
  type Prefix,
} from "./index";
import { errorOf } from "./testing/error-of";

const P = (s: string) => parsePrefix(s);
const A = (s: string) => parseAddress(s);


describe("capacity (Python ipaddress hosts() semantics)", () => {
  it("IPv4", () => {
    expect(capacity(P("10.0.0.0/24"))).toBe(254n);
    expect(capacity(P("10.0.0.0/30"))).toBe(2n);
    expect(capacity(P("10.0.0.0/31"))).toBe(2n);
    expect(capacity(P("10.0.0.1/32"))).toBe(1n);
    expect(capacity(P("10.0.0.0/8"))).toBe(16777214n);
    expect(capacity(P("0.0.0.0/0"))).toBe(4294967294n);
    for (let len = 0; len <= 30; len++) {
      expect(capacity({ family: 4, network: 0n, length: len })).toBe(2n ** BigInt(32 - len) - 2n);
    }
  });

  it("IPv6 (subnet-router anycast excluded)", () => {
    expect(capacity(P("2001:db8::/64"))).toBe(18446744073709551615n);
    expect(capacity(P("2001:db8::/126"))).toBe(3n);
    expect(capacity(P("2001:db8::/127"))).toBe(2n);
    expect(capacity(P("2001:db8::1/128"))).toBe(1n);
    expect(capacity(P("::/0"))).toBe(340282366920938463463374607431768211455n);
    for (let len = 0; len <= 126; len++) {
      expect(capacity({ family: 6, network: 0n, length: len })).toBe(2n ** BigInt(128 - len) - 1n);
    }
  });

  it("addressCount is 2^(bits-len), exact for /0", () => {
    expect(addressCount(P("0.0.0.0/0"))).toBe(1n << 32n);
    expect(addressCount(P("::/0"))).toBe(1n << 128n);
    expect(addressCount(P("10.0.0.0/31"))).toBe(2n);
    expect(addressCount(P("::/128"))).toBe(1n);
    expect(maxLength(4)).toBe(32);
    expect(maxLength(6)).toBe(128);
  });

  it("rejects malformed prefix objects", () => {
    expect(errorOf(() => capacity({ family: 4, network: 0n, length: 33 })).code).toBe("invalid_prefix");
    expect(errorOf(() => capacity({ family: 5 as 4, network: 0n, length: 8 })).code).toBe("invalid_prefix");
    expect(errorOf(() => capacity({ family: 4, network: 0n, length: 8.5 })).code).toBe("invalid_prefix");
    const e = errorOf(() => formatPrefix({ family: 4, network: 0x0a000005n, length: 24 }));
    expect(e.code).toBe("host_bits_set");
    expect(e.suggestion).toBe("10.0.0.0/24");
    expect(errorOf(() => makePrefix(4, 1n << 32n, 32)).code).toBe("invalid_prefix");
    expect(makePrefix(6, 0n, 0)).toEqual({ family: 6, network: 0n, length: 0 });
  });
});

describe("usable range", () => {
  const range = (s: string) => {
    const p = P(s);
    return [formatValue(p.family, firstUsable(p)), formatValue(p.family, lastUsable(p))];
  };
  it.each([
    ["10.0.0.0/24", "10.0.0.1", "10.0.0.254"],
    ["10.0.0.0/30", "10.0.0.1", "10.0.0.2"],
    ["10.0.0.0/31", "10.0.0.0", "10.0.0.1"],
    ["10.0.0.7/32", "10.0.0.7", "10.0.0.7"],
    ["0.0.0.0/0", "0.0.0.1", "255.255.255.254"],
    ["2001:db8::/64", "2001:db8::1", "2001:db8::ffff:ffff:ffff:ffff"],
    ["2001:db8::/126", "2001:db8::1", "2001:db8::3"],
    ["2001:db8::/127", "2001:db8::", "2001:db8::1"],
    ["2001:db8::5/128", "2001:db8::5", "2001:db8::5"],
    ["::/0", "::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"],
  ])("%s → %s .. %s", (s, first, last) => {
    expect(range(s)).toEqual([first, last]);
  });

  it("lastAddress", () => {
    expect(lastAddress(P("10.0.0.0/8"))).toBe(A("10.255.255.255").value);
    expect(lastAddress(P("::/0"))).toBe((1n << 128n) - 1n);
  });
});

describe("prefixFacts", () => {
  it("IPv4 /24", () => {
    expect(prefixFacts(P("192.168.1.0/24"))).toEqual({
      prefix: "192.168.1.0/24",
      family: 4,
      network: "192.168.1.0",
      broadcast: "192.168.1.255",
      netmask: "255.255.255.0",
      wildcard: "0.0.0.255",
      first_usable: "192.168.1.1",
      last_usable: "192.168.1.254",
      total_addresses: 256n,
      capacity: 254n,
    });
  });
  it("IPv4 /31 and /32", () => {
    const f31 = prefixFacts(P("10.0.0.0/31"));
    expect([f31.first_usable, f31.last_usable, f31.capacity, f31.broadcast]).toEqual(["10.0.0.0", "10.0.0.1", 2n, "10.0.0.1"]);
    const f32 = prefixFacts(P("10.0.0.9/32"));
    expect([f32.first_usable, f32.last_usable, f32.capacity, f32.netmask, f32.wildcard]).toEqual([
      "10.0.0.9",
      "10.0.0.9",
      1n,
      "255.255.255.255",
      "0.0.0.0",
    ]);
  });
  it("IPv6 has no broadcast/netmask/wildcard", () => {
    expect(prefixFacts(P("2001:db8::/48"))).toEqual({
      prefix: "2001:db8::/48",
      family: 6,
      network: "2001:db8::",
      broadcast: null,
      netmask: null,
      wildcard: null,
      first_usable: "2001:db8::1",
      last_usable: "2001:db8:0:ffff:ffff:ffff:ffff:ffff",
      total_addresses: 1n << 80n,
      capacity: (1n << 80n) - 1n,
    });
  });
});

describe("containment and overlap", () => {
  it("containsAddress", () => {
    expect(containsAddress(P("10.0.0.0/8"), A("10.255.255.255"))).toBe(true);
    expect(containsAddress(P("10.0.0.0/8"), A("11.0.0.0"))).toBe(false);
    expect(containsAddress(P("10.0.0.0/8"), A("9.255.255.255"))).toBe(false);
    expect(containsAddress(P("0.0.0.0/0"), A("1.2.3.4"))).toBe(true);
    expect(containsAddress(P("::/0"), A("1.2.3.4"))).toBe(false); // other family
    expect(containsAddress(P("::ffff:0:0/96"), A("::ffff:1.2.3.4"))).toBe(true);
    expect(containsAddress(P("::ffff:0:0/96"), A("1.2.3.4"))).toBe(false);
  });
  it("containsPrefix (equal counts) and overlaps", () => {
    const a = P("10.0.0.0/8");
    const b = P("10.1.0.0/16");
    const c = P("11.0.0.0/8");
    expect(containsPrefix(a, b)).toBe(true);
    expect(containsPrefix(b, a)).toBe(false);
    expect(containsPrefix(a, a)).toBe(true);
    expect(containsPrefix(a, c)).toBe(false);
    expect(overlaps(a, b)).toBe(true);
    expect(overlaps(b, a)).toBe(true);
    expect(overlaps(a, c)).toBe(false);
    expect(overlaps(P("10.0.0.0/25"), P("10.0.0.128/25"))).toBe(false);
    expect(overlaps(P("0.0.0.0/0"), P("::/0"))).toBe(false);
    expect(overlaps(P("::/0"), P("2001:db8::/32"))).toBe(true);
  });
  it("prefixOf", () => {
    expect(formatPrefix(prefixOf(A("10.1.2.3"), 16))).toBe("10.1.0.0/16");
    expect(formatPrefix(prefixOf(A("2001:db8::1"), 64))).toBe("2001:db8::/64");
    expect(() => prefixOf(A("10.1.2.3"), 33)).toThrow(IpamError);
  });
  it("agrees with interval arithmetic on random prefixes", () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const mk = (): Prefix => {
        const length = Math.floor(rnd() * 9) + 20;
        const v = BigInt(Math.floor(rnd() * 2 ** 12)) << 12n;
        const net = v & ~((1n << BigInt(32 - length)) - 1n);
        return { family: 4, network: net, length };
      };
      const x = mk();
      const y = mk();
      const xl = lastAddress(x);
      const yl = lastAddress(y);
      expect(overlaps(x, y)).toBe(x.network <= yl && y.network <= xl);
      expect(containsPrefix(x, y)).toBe(x.network <= y.network && yl <= xl);
    }
  });
});
