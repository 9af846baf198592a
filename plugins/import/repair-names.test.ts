import { describe, expect, it } from "vitest";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { repairHostNames, repairNetworkNames } from "@/plugins/import/repair-names";

describe("repairHostNames", () => {
  it.each(["db_01", "café", "web server", "12345", "-web", "a..b", "12h"])("clears %j into the description, and the row then passes the schema", (name) => {
    const { input, repairs } = repairHostNames({ ip_address: "10.0.0.5", hostname: name, mac_address: "aa-bb-cc-dd-ee-ff", status: "reserved" });
    expect(input).toEqual({ ip_address: "10.0.0.5", mac_address: "aa-bb-cc-dd-ee-ff", status: "reserved", description: `imported name: ${name}` });
    expect(repairs).toEqual([{ field: "hostname", message: expect.stringMatching(new RegExp(`^Hostname .*: cleared, kept in the description as "imported name: ${name.replace(/[.]/g, "\\.")}"$`)) }]);
    expect(hostSchema.parse(input)).toMatchObject({ hostname: null, mac_address: "aa:bb:cc:dd:ee:ff", status: "reserved" });
  });

  it("appends to an existing description on a new line", () => {
    expect(repairHostNames({ hostname: "db_01", description: "primary\r\ndatabase" }).input.description).toBe("primary\r\ndatabase\nimported name: db_01");
  });

  it("leaves names the schema accepts, uppercase included, for the schema to normalize", () => {
    const row = { ip_address: "10.0.0.5", hostname: "Web-01", cname: "WWW, intranet.Example.com" };
    expect(repairHostNames(row)).toEqual({ input: row, repairs: [] });
  });

  it("drops only the aliases DNS cannot carry, and an alias that is the host's own name", () => {
    const { input, repairs } = repairHostNames({ hostname: "web", cname: "www, my_alias,WEB, intranet" });
    expect(input).toEqual({ hostname: "web", cname: "www,intranet", description: "imported alias: my_alias" });
    expect(repairs.map((r) => r.field)).toEqual(["cname", "cname"]);
    expect(repairs[1].message).toBe('Alias "WEB" is this host\'s own hostname: dropped');
    expect(repairHostNames({ cname: "a b" }).input).toEqual({ description: "imported alias: a b" });
  });

  it("a value that is not text is left for the schema to refuse", () => {
    expect(repairHostNames({ hostname: 12 })).toEqual({ input: { hostname: 12 }, repairs: [] });
  });
});

describe("repairNetworkNames", () => {
  it("clears a domain DNS cannot carry into the description", () => {
    const { input, repairs } = repairNetworkNames({ network: "10.0.0.0/24", name: "LAB_NET", domain: "corp_lan.example", description: "lab" });
    expect(input).toEqual({ network: "10.0.0.0/24", name: "LAB_NET", description: "lab\nimported domain: corp_lan.example" });
    expect(repairs).toEqual([{ field: "domain", message: expect.stringContaining('cleared, kept in the description as "imported domain: corp_lan.example"') }]);
    expect(networkSchema.parse(input)).toMatchObject({ name: "LAB_NET", domain: null });
  });

  it("keeps a valid domain", () => {
    const row = { network: "10.0.0.0/24", domain: "Corp.Example." };
    expect(repairNetworkNames(row)).toEqual({ input: row, repairs: [] });
  });
});
