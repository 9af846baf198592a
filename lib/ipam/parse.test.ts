import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareAddresses,
  formatAddress,
  formatPrefix,
  formatValue,
  fromSortKey,
  lengthToMask,
  maskToLength,
  parseAddress,
  parsePrefix,
  parseRange,
  sortKey,
  sortKeyOf,
  tryParseAddress,
  tryParsePrefix,
  type Address,
} from "./index";
import { errorOf } from "./testing/error-of";


const canon = (s: string) => formatAddress(parseAddress(s));

describe("parseAddress (strict)", () => {
  it("parses IPv4 and IPv6 to family + value", () => {
    expect(parseAddress("10.0.0.1")).toEqual({ family: 4, value: 0x0a000001n });
    expect(parseAddress("0.0.0.0")).toEqual({ family: 4, value: 0n });
    expect(parseAddress("255.255.255.255")).toEqual({ family: 4, value: 0xffffffffn });
    expect(parseAddress("::")).toEqual({ family: 6, value: 0n });
    expect(parseAddress("::1")).toEqual({ family: 6, value: 1n });
    expect(parseAddress("2001:db8::1")).toEqual({ family: 6, value: 0x20010db8000000000000000000000001n });
    expect(parseAddress("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").value).toBe((1n << 128n) - 1n);
  });

  it("trims leading/trailing whitespace only", () => {
    expect(parseAddress("  10.0.0.1\n")).toEqual({ family: 4, value: 0x0a000001n });
    expect(parseAddress("\t2001:db8::1 ").family).toBe(6);
  });

  it.each([
    ["010.0.0.1", "leading zero"],
    ["10.0.0.01", "leading zero"],
    ["00.0.0.0", "leading zero"],
    ["0177.0.0.1", "octal"],
    ["127.1", "short form"],
    ["10.1.1", "short form"],
    ["167772161", "integer form"],
    ["0x7f.0.0.1", "hex"],
    ["0x7f000001", "hex"],
    ["256.0.0.1", "out of range"],
    ["1.2.3.256", "out of range"],
    ["1.2.3.-1", "negative"],
    ["+1.2.3.4", "sign"],
    ["1e1.0.0.1", "exponent"],
    ["1.2.3.4.5", "too many octets"],
    ["1.2.3.4.", "trailing dot"],
    ["1..2.3", "empty octet"],
    ["1.2. 3.4", "inner whitespace"],
    ["1.2.3.4 5", "inner whitespace"],
    ["١.2.3.4", "non-ASCII digit"],
    ["１.2.3.4", "fullwidth digit"],
    ["1.2.3.4/24", "length"],
    ["1.2.3.4%eth0", "zone"],
    ["", "empty"],
    ["   ", "blank"],
    ["fe80::1%eth0", "zone id"],
    ["fe80::1%1", "zone id"],
    ["::%1", "zone id"],
    ["[::1]", "brackets"],
    ["2001:db8:: 1", "inner whitespace"],
    ["2001:db8:::1", "triple colon"],
    ["1::2::3", "two ::"],
    ["12345::", "5-digit group"],
    ["::00001", "5-digit group"],
    ["g::", "non-hex"],
    ["1:2:3:4:5:6:7:8:9", "too many groups"],
    ["1:2:3:4:5:6:7", "too few groups"],
    [":1::", "leading single colon"],
    ["::1:", "trailing single colon"],
    ["::ffff:010.0.0.1", "leading zero in embedded IPv4"],
    ["::ffff:127.1", "short embedded IPv4"],
    ["::ffff:1.2.3.256", "embedded IPv4 out of range"],
    ["::ffff:0x1.2.3.4", "hex embedded IPv4"],
    ["1.2.3.4::", "IPv4 first"],
    ["2001:db8::/32", "length"],
    ["localhost", "name"],
  ])("rejects %j (%s)", (text) => {
    const e = errorOf(() => parseAddress(text));
    expect(e.code).toBe("invalid_address");
    expect(tryParseAddress(text)).toBeNull();
  });

  it("explains the rejection", () => {
    expect(errorOf(() => parseAddress("010.0.0.1")).message).toMatch(/leading zeros/);
    expect(errorOf(() => parseAddress("fe80::1%eth0")).message).toMatch(/zone/);
    expect(errorOf(() => parseAddress("1.2. 3.4")).message).toMatch(/whitespace/);
  });

  it("rejects non-strings without crashing", () => {
    expect(errorOf(() => parseAddress(42 as unknown as string)).code).toBe("invalid_address");
    expect(tryParseAddress(undefined as unknown as string)).toBeNull();
  });
});

describe("canonical text (RFC 5952)", () => {
  it.each([
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:DB8::A", "2001:db8::a"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"], // tie → first run
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"], // longest run
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"], // single 0 field not compressed
    ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"],
    ["::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"],
    ["0:0:0:0:0:0:0:0", "::"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["1:0:0:0:0:0:0:0", "1::"],
    ["fe80:0000:0000:0000:0204:61ff:fe9d:f156", "fe80::204:61ff:fe9d:f156"],
    ["::ffff:10.0.0.1", "::ffff:10.0.0.1"],
    ["::FFFF:a00:1", "::ffff:10.0.0.1"],
    ["0:0:0:0:0:ffff:0:0", "::ffff:0.0.0.0"],
    ["::ffff:255.255.255.255", "::ffff:255.255.255.255"],
    ["::10.0.0.1", "::a00:1"], // deprecated IPv4-compatible: not mixed
    ["64:ff9b::10.0.0.1", "64:ff9b::a00:1"],
    ["1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"],
    ["0:0:0:0:1:ffff:0:0", "::1:ffff:0:0"],
    ["10.000.0.1".replace("000", "0"), "10.0.0.1"],
  ])("%s → %s", (input, expected) => {
    expect(canon(input)).toBe(expected);
  });

  it("::ffff:10.0.0.1 is an IPv6 address (IPv4-mapped), not IPv4", () => {
    const a = parseAddress("::ffff:10.0.0.1");
    expect(a).toEqual({ family: 6, value: 0xffff0a000001n });
    expect(formatAddress(a)).toBe("::ffff:10.0.0.1");
    expect(formatPrefix(parsePrefix("::ffff:10.0.0.0/120"))).toBe("::ffff:10.0.0.0/120");
  });

  it("formatValue rejects values out of range", () => {
    expect(errorOf(() => formatValue(4, 1n << 32n)).code).toBe("invalid_argument");
    expect(errorOf(() => formatValue(6, -1n)).code).toBe("invalid_argument");
  });

  it("round-trips random values through text (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), (v6, v4) => {
        const t6 = formatValue(6, v6);
        expect(parseAddress(t6)).toEqual({ family: 6, value: v6 });
        expect(t6).toBe(t6.toLowerCase());
        expect(t6.split("::").length).toBeLessThanOrEqual(2);
        const t4 = formatValue(4, v4);
        expect(parseAddress(t4)).toEqual({ family: 4, value: v4 });
        // re-parsing uncompressed full form gives the same canonical text
        const full = v6.toString(16).padStart(32, "0").match(/.{4}/g)!.join(":");
        expect(canon(full)).toBe(t6);
      }),
      { numRuns: 300 },
    );
  });
});

describe("parsePrefix", () => {
  it("accepts addr/len and addr + separate length (number, string, dotted mask)", () => {
    const want = { family: 4, network: 0x0a000000n, length: 24 };
    expect(parsePrefix("10.0.0.0/24")).toEqual(want);
    expect(parsePrefix("10.0.0.0", 24)).toEqual(want);
    expect(parsePrefix("10.0.0.0", "24")).toEqual(want);
    expect(parsePrefix("10.0.0.0", " 24 ")).toEqual(want);
    expect(parsePrefix("10.0.0.0", "255.255.255.0")).toEqual(want);
    expect(parsePrefix("10.0.0.0/255.255.255.0")).toEqual(want);
    expect(parsePrefix(" 10.0.0.0/24 ")).toEqual(want);
    expect(parsePrefix("2001:DB8::/32")).toEqual({ family: 6, network: 0x20010db8n << 96n, length: 32 });
    expect(parsePrefix("0.0.0.0/0")).toEqual({ family: 4, network: 0n, length: 0 });
    expect(parsePrefix("::/0")).toEqual({ family: 6, network: 0n, length: 0 });
  });

  it("treats a bare address as a host prefix", () => {
    expect(parsePrefix("10.0.0.5")).toEqual({ family: 4, network: 0x0a000005n, length: 32 });
    expect(parsePrefix("::1")).toEqual({ family: 6, network: 1n, length: 128 });
  });

  it("names the network meant when host bits are set", () => {
    const e = errorOf(() => parsePrefix("10.0.0.5/24"));
    expect(e.code).toBe("host_bits_set");
    expect(e.message).toBe("10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?");
    expect(e.suggestion).toBe("10.0.0.0/24");
    const e6 = errorOf(() => parsePrefix("2001:db8::1", 32));
    expect(e6.code).toBe("host_bits_set");
    expect(e6.suggestion).toBe("2001:db8::/32");
    expect(e6.message).toBe("2001:db8::1/32 has host bits set; did you mean 2001:db8::/32?");
    expect(errorOf(() => parsePrefix("192.168.1.1/0")).suggestion).toBe("0.0.0.0/0");
  });

  it.each([
    ["10.0.0.0/33"],
    ["10.0.0.0/024"],
    ["10.0.0.0/ 24"],
    ["10.0.0.0 /24"],
    ["10.0.0.0/+24"],
    ["10.0.0.0/-1"],
    ["10.0.0.0/24/24"],
    ["10.0.0.0/"],
    ["10.0.0.0/2a"],
    ["10.0.0.0/255.0.255.0"],
    ["10.0.0.0/255.255.255.256"],
    ["010.0.0.0/8"],
    ["10.0/8"],
    ["2001:db8::/129"],
    ["2001:db8::/033"],
    ["2001:db8::/ffff::"],
    ["fe80::%eth0/64"],
    ["/24"],
    [""],
  ])("rejects %j", (text) => {
    const e = errorOf(() => parsePrefix(text));
    expect(e.code).toBe("invalid_prefix");
    expect(tryParsePrefix(text)).toBeNull();
  });

  it("rejects bad separate lengths and a length given twice", () => {
    expect(errorOf(() => parsePrefix("10.0.0.0", 24.5)).code).toBe("invalid_prefix");
    expect(errorOf(() => parsePrefix("10.0.0.0", -1)).code).toBe("invalid_prefix");
    expect(errorOf(() => parsePrefix("10.0.0.0", 33)).code).toBe("invalid_prefix");
    expect(errorOf(() => parsePrefix("10.0.0.0", "0x18")).code).toBe("invalid_prefix");
    expect(errorOf(() => parsePrefix("10.0.0.0/24", 24)).code).toBe("invalid_prefix");
    expect(errorOf(() => parsePrefix("2001:db8::", "ffff:ffff::")).code).toBe("invalid_prefix");
    expect(parsePrefix("2001:db8::", 128).length).toBe(128);
  });
});

describe("parseRange", () => {
  it("parses first-last", () => {
    expect(parseRange("10.0.0.100-10.0.0.199")).toEqual({ family: 4, first: 0x0a000064n, last: 0x0a0000c7n });
    expect(parseRange("2001:db8::10 - 2001:db8::20")).toEqual({
      family: 6,
      first: (0x20010db8n << 96n) + 0x10n,
      last: (0x20010db8n << 96n) + 0x20n,
    });
    expect(errorOf(() => parseRange("10.0.0.9-10.0.0.1")).code).toBe("invalid_argument");
    expect(errorOf(() => parseRange("10.0.0.1-::1")).code).toBe("invalid_argument");
    expect(errorOf(() => parseRange("10.0.0.1")).code).toBe("invalid_argument");
  });
});

describe("masks", () => {
  it("converts mask ↔ length", () => {
    expect(maskToLength("255.255.255.0")).toBe(24);
    expect(maskToLength("255.255.255.255")).toBe(32);
    expect(maskToLength("0.0.0.0")).toBe(0);
    expect(maskToLength("255.255.254.0")).toBe(23);
    expect(maskToLength("255.128.0.0")).toBe(9);
    expect(maskToLength("ffff:ffff:ffff:ffff::")).toBe(64);
    for (let len = 0; len <= 32; len++) expect(maskToLength(lengthToMask(len))).toBe(len);
    for (let len = 0; len <= 128; len++) expect(maskToLength(lengthToMask(len, 6))).toBe(len);
    expect(lengthToMask(0)).toBe("0.0.0.0");
    expect(lengthToMask(24)).toBe("255.255.255.0");
    expect(lengthToMask(31)).toBe("255.255.255.254");
    expect(lengthToMask(64, 6)).toBe("ffff:ffff:ffff:ffff::");
    expect(lengthToMask(128, 6)).toBe("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  });

  it.each(["255.0.255.0", "255.255.255.1", "0.255.255.255", "254.255.255.0", "255.255.0.255", "ffff::ffff"])(
    "rejects non-contiguous mask %s",
    (m) => {
      const e = errorOf(() => maskToLength(m));
      expect(e.code).toBe("invalid_mask");
      expect(e.message).toMatch(/contiguous/);
    },
  );

  it("rejects malformed masks and lengths", () => {
    expect(errorOf(() => maskToLength("255.255.255.256")).code).toBe("invalid_mask");
    expect(errorOf(() => maskToLength("255.255.255")).code).toBe("invalid_mask");
    expect(errorOf(() => maskToLength("24")).code).toBe("invalid_mask");
    expect(errorOf(() => lengthToMask(33)).code).toBe("invalid_argument");
    expect(errorOf(() => lengthToMask(-1)).code).toBe("invalid_argument");
    expect(errorOf(() => lengthToMask(129, 6)).code).toBe("invalid_argument");
  });
});

describe("sort key", () => {
  it("has the fixed 33-character format", () => {
    expect(sortKey(parseAddress("10.0.0.1"))).toBe("4" + "0000000000000000000000000a000001");
    expect(sortKey(parseAddress("10.0.0.1"))).toHaveLength(33);
    expect(sortKey(parseAddress("0.0.0.0"))).toBe("4" + "0".repeat(32));
    expect(sortKey(parseAddress("::"))).toBe("6" + "0".repeat(32));
    expect(sortKey(parseAddress("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).toBe("6" + "f".repeat(32));
    expect(sortKeyOf(6, 0x20010db8n << 96n)).toBe("620010db8000000000000000000000000");
  });

  it("round-trips and rejects malformed keys", () => {
    for (const s of ["10.0.0.1", "255.255.255.255", "::", "::ffff:10.0.0.1", "2001:db8::1"]) {
      const a = parseAddress(s);
      expect(fromSortKey(sortKey(a))).toEqual(a);
    }
    for (const bad of [
      "",
      "4",
      "40000000000000000000000000A000001", // uppercase
      "50000000000000000000000000a000001", // family
      "4000000000000000000000000a000001", // 32 chars
      "400000000000000000000000000a0000011", // 34 chars
      "400000000000000000000000100000000", // IPv4 value ≥ 2^32
      "4 0000000000000000000000000a00001",
    ]) {
      expect(errorOf(() => fromSortKey(bad)).code).toBe("invalid_argument");
    }
  });

  it("lexicographic order of keys = (family, value) order (property)", () => {
    const addr = fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }).map((value): Address => ({ family: 4, value })),
      fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((value): Address => ({ family: 6, value })),
      fc.bigInt({ min: 0n, max: 1n << 33n }).map((value): Address => ({ family: 6, value })),
    );
    fc.assert(
      fc.property(addr, addr, (a, b) => {
        const ka = sortKey(a);
        const kb = sortKey(b);
        expect(ka).toHaveLength(33);
        expect(fromSortKey(ka)).toEqual(a);
        expect(Math.sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(Math.sign(compareAddresses(a, b)));
      }),
      { numRuns: 500 },
    );
  });
});
