import { describe, expect, it } from "vitest";
import { networkSchema } from "@/lib/schemas/network";
import { hostSchema, allocateSchema } from "@/lib/schemas/host";
import { hostListQuery, networkListQuery } from "@/lib/schemas/list";

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("networkSchema", () => {
  it("accepts address + cidr and a prefix, canonicalizing", () => {
    const a = networkSchema.parse({ network: "10.0.0.0", cidr: 24, name: "" });
    expect(a).toMatchObject({ network: "10.0.0.0", cidr: 24, family: 4, name: null });
    const b = networkSchema.parse({ network: "2001:DB8::/64", gateway: "2001:db8::1" });
    expect(b).toMatchObject({ network: "2001:db8::", cidr: 64, family: 6, gateway: "2001:db8::1" });
  });
  it("names the intended network when host bits are set", () => {
    expect(issues(networkSchema.safeParse({ network: "10.0.0.5/24" })).network).toContain("10.0.0.0/24");
    expect(issues(networkSchema.safeParse({ network: "10.0.0.5", cidr: 24 })).network).toContain("10.0.0.0/24");
  });
  it("requires a length and agreement between the two forms", () => {
    expect(issues(networkSchema.safeParse({ network: "10.0.0.0" })).cidr).toContain("required");
    expect(issues(networkSchema.safeParse({ network: "10.0.0.0/24", cidr: 25 })).cidr).toContain("disagrees");
    expect(issues(networkSchema.safeParse({ network: "10.0.0.0", cidr: 33 })).network).toBeDefined();
  });
  it("checks gateway and DHCP pool against the network", () => {
    const base = { network: "10.0.0.0/24" };
    expect(issues(networkSchema.safeParse({ ...base, gateway: "10.0.1.1" })).gateway).toContain("not inside");
    expect(issues(networkSchema.safeParse({ ...base, gateway: "10.0.0.0" })).gateway).toContain("network address");
    expect(issues(networkSchema.safeParse({ ...base, gateway: "10.0.0.255" })).gateway).toContain("broadcast");
    expect(issues(networkSchema.safeParse({ ...base, dhcp_start: "10.0.0.9", dhcp_end: "10.0.0.8" })).dhcp_end).toContain("before");
    expect(issues(networkSchema.safeParse({ ...base, dhcp_start: "10.0.0.9" })).dhcp_end).toContain("required");
    expect(networkSchema.safeParse({ network: "10.0.0.0/31", gateway: "10.0.0.0" }).success).toBe(true);
  });
  it("reports the cross-field errors in the same round as the other fields' errors", () => {
    const result = issues(networkSchema.safeParse({ network: "10.0.0.0/24", vlan_id: 5000, name: "x".repeat(101), gateway: "10.0.1.1", dhcp_start: "10.0.0.9", dhcp_end: "10.0.0.8" }));
    expect(Object.keys(result).sort()).toEqual(["dhcp_end", "gateway", "name", "vlan_id"]);
    expect(result.gateway).toContain("not inside");
    expect(result.dhcp_end).toContain("before");
    // A wrong network leaves nothing to check the gateway against: its own error is the one shown.
    expect(Object.keys(issues(networkSchema.safeParse({ network: "10.0.0.300/24", vlan_id: 5000, gateway: "10.0.1.1" }))).sort()).toEqual(["network", "vlan_id"]);
  });
  it("rejects unknown fields and ignores read-only ones", () => {
    expect(issues(networkSchema.safeParse({ ...{ network: "10.0.0.0/24" }, colour: "red" }))).toHaveProperty("");
    expect(networkSchema.safeParse({ network: "10.0.0.0/24", id: 5, used_hosts: "7", prefix: "x" }).success).toBe(true);
  });
});

describe("hostSchema", () => {
  it("canonicalizes and defaults", () => {
    expect(hostSchema.parse({ ip_address: "2001:DB8::0:1", hostname: "Web1", mac_address: "AA-BB-CC-DD-EE-FF" })).toMatchObject({
      ip_address: "2001:db8::1", hostname: "web1", mac_address: "aa:bb:cc:dd:ee:ff", status: "active", cname: null,
    });
  });
  it("refuses an alias equal to the host's own name", () => {
    expect(issues(hostSchema.safeParse({ ip_address: "10.0.0.1", hostname: "web", cname: "www,web" })).cname).toContain("own hostname");
  });
  it("refuses a MAC with count > 1 on allocate", () => {
    expect(issues(allocateSchema.safeParse({ mac_address: "aa:bb:cc:dd:ee:ff", count: 2 })).mac_address).toBeDefined();
  });
});

describe("list queries", () => {
  it("parses strings, defaults and sort direction", () => {
    expect(hostListQuery.parse({})).toMatchObject({ page: 1, per_page: 50, sort: { field: "ip_address", desc: false } });
    expect(networkListQuery.parse({ sort: "-vlan_id", per_page: "1000", parent_id: "null" })).toMatchObject({
      per_page: 1000, sort: { field: "vlan_id", desc: true }, parent_id: null,
    });
  });
  it.each([{ per_page: "abc" }, { per_page: "0" }, { per_page: "1001" }, { page: "1e2" }, { sort: "colour" }, { family: "5" }])(
    "rejects %j", (query) => expect(hostListQuery.safeParse(query).success).toBe(false),
  );
});
