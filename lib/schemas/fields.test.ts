import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cnameField, hostnameField, macField, optionalText, requiredText, normalizeAddress, vlanIdField } from "@/lib/schemas/fields";

const ok = (schema: z.ZodType, value: unknown) => schema.parse(value);
const bad = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be rejected`).toBe(false);
  return result.error!.issues[0].message;
};

describe("hostname", () => {
  it("accepts single labels and FQDNs, stores lowercase", () => {
    expect(ok(hostnameField, "Web-1")).toBe("web-1");
    expect(ok(hostnameField, "a.B.example.COM.")).toBe("a.b.example.com");
    expect(ok(hostnameField, "x".repeat(63))).toBe("x".repeat(63));
    expect(ok(hostnameField, "3com")).toBe("3com");
  });
  it("reads empty input as null", () => {
    expect(ok(hostnameField, "")).toBeNull();
    expect(ok(hostnameField, "  ")).toBeNull();
    expect(ok(hostnameField, null)).toBeNull();
    expect(ok(hostnameField, undefined)).toBeUndefined();
  });
  it.each([
    ["-web", "hyphen"], ["web-", "hyphen"], ["we_b", "letters"], ["a..b", "empty"], ["x".repeat(64), "63"],
    [`${"a".repeat(60)}.`.repeat(5), "253"], ["12345", "lease time"], ["12h", "lease time"], ["infinite", "keyword"],
    ["host.123", "numeric"], ["web 1", "letters"], ["web\nserver", "single line"], ["wéb", "letters"],
  ])("rejects %j", (value, fragment) => {
    expect(bad(hostnameField, value)).toContain(fragment);
  });
});

describe("cname", () => {
  it("normalizes a comma-separated list", () => {
    expect(ok(cnameField, " WWW , intranet.example.com,www ")).toBe("www,intranet.example.com");
    expect(ok(cnameField, "")).toBeNull();
  });
  it("names the bad alias", () => {
    expect(bad(cnameField, "www,-bad")).toContain('"-bad"');
    expect(bad(cnameField, ",,")).toContain("at least one");
  });
});

describe("mac", () => {
  it.each(["aa:bb:cc:dd:ee:ff", "AA-BB-CC-DD-EE-FF", "aabb.ccdd.eeff", "AABBCCDDEEFF"])("normalizes %s", (v) => {
    expect(ok(macField, v)).toBe("aa:bb:cc:dd:ee:ff");
  });
  it.each(["aa:bb:cc:dd:ee", "aa:bb-cc:dd:ee:ff", "gg:bb:cc:dd:ee:ff", "aa:bb:cc:dd:ee:ff:00"])("rejects %s", (v) => {
    expect(bad(macField, v)).toContain("MAC address");
  });
});

describe("text, address and numbers", () => {
  it("rejects control characters anywhere in single-line text", () => {
    expect(bad(optionalText("Name", 50), "a\nb")).toContain("single line");
    expect(bad(optionalText("Name", 50), "a\u0000b")).toContain("single line");
    expect(bad(optionalText("Name", 50), "a\u2028b")).toContain("single line");
    expect(bad(requiredText("Name", 50), " ")).toBe("Name is required");
  });
  it("canonicalizes addresses", () => {
    expect(normalizeAddress(" 2001:DB8:0:0::1 ")).toBe("2001:db8::1");
    expect(() => normalizeAddress("10.0.0.256")).toThrow(/not a valid IP address/);
  });
  it("reads VLAN ids from numbers and form strings", () => {
    expect(ok(vlanIdField, 10)).toBe(10);
    expect(ok(vlanIdField, "4094")).toBe(4094);
    expect(ok(vlanIdField, "")).toBeNull();
    expect(bad(vlanIdField, 0)).toContain("1 to 4094");
    expect(bad(vlanIdField, "4095")).toContain("1 to 4094");
    expect(bad(vlanIdField, "ten")).toContain("1 to 4094");
    expect(bad(vlanIdField, 1.5)).toContain("1 to 4094");
  });
});

describe("messages", () => {
  it("says required for a missing required field and text for a wrong type", () => {
    const schema = z.strictObject({ network: requiredText("Network", 10) });
    expect(bad(schema, {})).toBe("Network is required");
    expect(bad(schema, { network: 5 })).toBe("Network must be text");
  });
});
