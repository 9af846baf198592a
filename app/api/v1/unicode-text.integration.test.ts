import { beforeAll, describe, expect, it } from "vitest";
import * as hosts from "@/app/api/v1/hosts/route";
import * as networks from "@/app/api/v1/networks/route";
import * as importer from "@/app/api/v1/import/[name]/route";
import { getDb } from "@/lib/db/client";
import { call, tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";
import { send } from "@/plugins/testing/http";

// Through the real routes: a lone surrogate (sent as a JSON \u escape, the
// only way it reaches us) is refused anywhere; zero-width and bidi-control
// characters are refused in names and kept in descriptions. The API and the
// importer parse with the same field schemas, so both are checked.

useTestDatabase();
let token: string;
beforeAll(async () => {
  token = await tokenFor("editor");
});

// JSON.stringify would write a lone surrogate as an escape too; spelled out here so the wire form is plain.
const raw = (handler: typeof hosts.POST, path: string, json: string) => call(handler, "POST", path, { token, rawBody: json });

describe("lone UTF-16 surrogates", () => {
  it("POST /hosts with one in the description answers 422 and writes nothing", async () => {
    const res = await raw(hosts.POST, "/hosts", String.raw`{"ip_address": "10.50.0.1", "description": "bad \ud800 half"}`);
    expect(res.status).toBe(422);
    expect(res.body.error.details.description[0]).toContain("broken character");
    expect(await getDb().host.count()).toBe(0);
  });

  it("POST /networks with one in the location answers 422", async () => {
    const res = await raw(networks.POST, "/networks", String.raw`{"network": "10.50.0.0/24", "location": "rack \udc00"}`);
    expect(res.status).toBe(422);
    expect(res.body.error.details.location[0]).toContain("broken character");
  });

  it("a surrogate pair (an emoji) is stored and read back unchanged", async () => {
    const res = await raw(networks.POST, "/networks", String.raw`{"network": "10.51.0.0/24", "description": "disk \ud83d\udcbe"}`);
    expect(res.status).toBe(201);
    expect(res.body.description).toBe("disk \u{1F4BE}");
    expect((await getDb().network.findUniqueOrThrow({ where: { id: res.body.id } })).description).toBe("disk \u{1F4BE}");
  });
});

describe("zero-width and bidi-control characters", () => {
  it("are refused in a network name and a hostname (422), nothing written", async () => {
    const before = await getDb().network.count();
    const net = await call(networks.POST, "POST", "/networks", { token, body: { network: "10.52.0.0/24", name: "pay\u202Eroll" } });
    expect(net.status).toBe(422);
    expect(net.body.error.details.name[0]).toContain("invisible or text-direction");
    const host = await call(hosts.POST, "POST", "/hosts", { token, body: { ip_address: "10.51.0.9", hostname: "web\u200B1" } });
    expect(host.status).toBe(422);
    expect(host.body.error.details.hostname[0]).toContain("invisible or text-direction");
    expect(await getDb().network.count()).toBe(before);
    expect(await getDb().host.count()).toBe(0);
  });

  it("are kept in a description", async () => {
    const text = "\u05E9\u05DC\u05D5\u05DD \u2067abc\u2069 a\u200Db";
    const res = await call(hosts.POST, "POST", "/hosts", { token, body: { ip_address: "10.51.0.10", description: text } });
    expect(res.status).toBe(201);
    expect(res.body.description).toBe(text);
  });

  it("the JSON importer refuses them in a name too (422 with the row), nothing written", async () => {
    const before = await getDb().network.count();
    const body = JSON.stringify([{ network: "10.53.0.0/24", name: "ok" }, { network: "10.54.0.0/24", name: "of\u2066fice" }]);
    const res = await send(importer.POST, "POST", "/import/json", { token, params: { name: "json" }, query: { type: "networks" }, body });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json.error.details)).toContain("invisible or text-direction");
    expect(await getDb().network.count()).toBe(before);
  });
});
