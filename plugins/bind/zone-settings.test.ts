import { afterEach, describe, expect, it } from "vitest";
import { EnvError, loadEnv, overrideEnv } from "@/lib/env";

// DNS_ZONE_NS, DNS_ZONE_CONTACT and DNS_ZONE_TTL (lib/env.ts): the names
// every exported zone's SOA and NS records carry, checked at start.

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  overrideEnv(saved as Record<string, string>);
});

function load(values: Record<string, string>) {
  for (const key of Object.keys(process.env)) if (key.startsWith("DNS_ZONE_")) delete process.env[key];
  overrideEnv(values);
  return loadEnv();
}

describe("zone settings", () => {
  it("default to Debian's db.empty names (localhost) and a one-hour TTL", () => {
    expect(load({})).toMatchObject({ DNS_ZONE_NS: ["localhost"], DNS_ZONE_CONTACT: "hostmaster.localhost", DNS_ZONE_TTL: 3600 });
  });

  it("normalise names and turn a mailbox into the SOA's DNS form", () => {
    expect(load({ DNS_ZONE_NS: " NS1.Example.COM., ns2.example.net ", DNS_ZONE_CONTACT: "DNS-Admin@Example.com", DNS_ZONE_TTL: "300" }))
      .toMatchObject({ DNS_ZONE_NS: ["ns1.example.com", "ns2.example.net"], DNS_ZONE_CONTACT: "dns-admin.example.com", DNS_ZONE_TTL: 300 });
    expect(load({ DNS_ZONE_CONTACT: "hostmaster.example.com" }).DNS_ZONE_CONTACT).toBe("hostmaster.example.com");
  });

  it.each([
    [{ DNS_ZONE_NS: "ns1.example.com,bad_name" }, /^Invalid environment variable DNS_ZONE_NS: "bad_name" label "bad_name" may contain only/],
    [{ DNS_ZONE_NS: " , " }, /DNS_ZONE_NS: must name at least one name server/],
    [{ DNS_ZONE_CONTACT: "john.doe@example.com" }, /DNS_ZONE_CONTACT: must have no dot before the @/],
    [{ DNS_ZONE_CONTACT: "a b@example.com" }, /DNS_ZONE_CONTACT: label/],
    [{ DNS_ZONE_TTL: "10" }, /DNS_ZONE_TTL/],
  ])("refuse %o in one line naming the variable", (values, message) => {
    expect(() => load(values)).toThrow(EnvError);
    expect(() => load(values)).toThrow(message);
  });
});
