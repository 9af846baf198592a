import { beforeAll, describe, expect, it } from "vitest";
import * as hostsRoute from "@/app/api/v1/hosts/route";
import * as networksRoute from "@/app/api/v1/networks/route";
import * as exportRoute from "@/app/api/v1/export/[name]/route";
import type { Actor } from "@/lib/auth/roles";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { call, tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";
import { send } from "@/plugins/testing/http";

// The list filters name, domain, location (networks) and hostname (hosts)
// match a substring by the q= rule, through the real routes on either
// engine: ASCII letters in any case, other letters only as written, % and _
// literally. An address in the networks' q= finds the networks containing it.

useTestDatabase();
const editor: Actor = { kind: "token", id: 1, name: "t", role: "editor" };
let viewer: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  viewer = await tokenFor("viewer");
  const net = async (key: string, network: string, extra: Record<string, unknown> = {}) => {
    ids[key] = (await createNetwork(editor, networkSchema.parse({ network, ...extra }))).id;
  };
  await net("berlin", "10.61.0.0/24", { name: "Berlin HQ", location: "Berlin Mitte, Floor 2", domain: "srv.example.net" });
  await net("munich", "10.61.1.0/24", { name: "Munich Branch", location: "München Süd", domain: "muc.example.org" });
  await net("pct", "10.61.2.0/24", { name: "100% uplink", location: "rack_7" });
  await net("zero", "10.61.3.0/24", { name: "1000 uplink", location: "rackX7" });
  await net("outer", "10.62.0.0/16", { name: "Campus" });
  await net("mid", "10.62.1.0/24", { name: "Campus floor 1" });
  await net("inner", "10.62.1.0/26", { name: "Campus lab" });
  await net("sibling", "10.62.1.64/26");
  await net("textlike", "10.62.1.50/31");
  await net("v6", "2001:db8:61::/48");
  for (const [ip, hostname] of [["10.61.0.10", "db01"], ["10.61.0.11", "old-db"], ["10.61.0.12", "web01"], ["10.61.1.10", "DB-muc"]]) {
    ids[hostname.toLowerCase()] = (await createHost(editor, hostSchema.parse({ ip_address: ip, hostname }))).id;
  }
});

const networkIds = async (query: Record<string, string>) =>
  (await call(networksRoute.GET, "GET", "/networks", { token: viewer, query: { per_page: 1000, ...query } })).body.items.map((n: { id: number }) => n.id);
const hostIds = async (query: Record<string, string>) =>
  (await call(hostsRoute.GET, "GET", "/hosts", { token: viewer, query: { per_page: 1000, ...query } })).body.items.map((h: { id: number }) => h.id);

describe("name, domain, location and hostname filters", () => {
  it("match a substring in any ASCII case", async () => {
    expect(await networkIds({ location: "berlin" })).toEqual([ids.berlin]);
    expect(await networkIds({ location: "FLOOR" })).toEqual([ids.berlin]);
    expect(await networkIds({ name: "hq" })).toEqual([ids.berlin]);
    expect(await networkIds({ name: "Campus" })).toEqual([ids.outer, ids.mid, ids.inner]);
    expect(await networkIds({ domain: "EXAMPLE" })).toEqual([ids.berlin, ids.munich]);
    expect(await networkIds({ domain: "example.net." })).toEqual([ids.berlin]);
    expect(await networkIds({ name: "branch", location: "berlin" })).toEqual([]);
    expect(await hostIds({ hostname: "DB" })).toEqual([ids.db01, ids["old-db"], ids["db-muc"]]);
    expect(await hostIds({ hostname: "db", network_id: String(ids.berlin) })).toEqual([ids.db01, ids["old-db"]]);
  });

  it("take % and _ literally", async () => {
    expect(await networkIds({ name: "0% UP" })).toEqual([ids.pct]);
    expect(await networkIds({ name: "%" })).toEqual([ids.pct]);
    expect(await networkIds({ location: "k_7" })).toEqual([ids.pct]);
    expect(await networkIds({ location: "_" })).toEqual([ids.pct]);
    expect(await hostIds({ hostname: "d%" })).toEqual([]);
    expect(await hostIds({ hostname: "d_" })).toEqual([]);
  });

  it("match other letters only as written, on both engines", async () => {
    expect(await networkIds({ location: "münchen" })).toEqual([ids.munich]);
    expect(await networkIds({ location: "MüNCHEN SüD" })).toEqual([ids.munich]);
    expect(await networkIds({ location: "MÜNCHEN" })).toEqual([]);
  });

  it("are the export's filters too, location of a host's network included", async () => {
    const csv = async (query: Record<string, string>) =>
      (await send(exportRoute.GET, "GET", "/export/csv", { token: viewer, params: { name: "csv" }, query: { columns: "ip_address", ...query } })).text.trimEnd().split("\r\n").slice(1);
    expect(await csv({ location: "BERLIN" })).toEqual(["10.61.0.10", "10.61.0.11", "10.61.0.12"]);
    expect(await csv({ hostname: "db" })).toEqual(["10.61.0.10", "10.61.0.11", "10.61.1.10"]);
    expect(await csv({ type: "networks", columns: "network", location: "rack_" })).toEqual(["10.61.2.0"]);
  });
});

describe("an address in the networks' q=", () => {
  it("finds every network containing it, outermost first, and no network that only looks alike", async () => {
    expect(await networkIds({ q: "10.62.1.5" })).toEqual([ids.outer, ids.mid, ids.inner]);
    expect(await networkIds({ q: "10.62.1.51" })).toEqual([ids.outer, ids.mid, ids.inner, ids.textlike]);
    expect(await networkIds({ q: "10.62.1.5", sort: "-cidr" })).toEqual([ids.inner, ids.mid, ids.outer]);
    expect(await networkIds({ q: "2001:DB8:61:0::5" })).toEqual([ids.v6]);
    expect(await networkIds({ q: "10.99.0.1" })).toEqual([]);
    // Text that is not a whole address still matches the prefix column.
    expect(await networkIds({ q: "62.1.64" })).toEqual([ids.sibling]);
  });
});
