import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as list from "@/app/api/v1/import/route";
import * as item from "@/app/api/v1/import/[name]/route";
import { getDb } from "@/lib/db/client";
import { tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";
import { flaskDatabase } from "@/plugins/testing/flask-db";
import { originalAppDatabase } from "@/plugins/testing/original-app-db";
import { send, streamOf } from "@/plugins/testing/http";

useTestDatabase();
let editor: string;
let viewer: string;
beforeAll(async () => {
  editor = await tokenFor("editor");
  viewer = await tokenFor("viewer");
});
beforeEach(async () => {
  await getDb().host.deleteMany();
  await getDb().network.deleteMany();
});

const csv = (...lines: string[]) => `${lines.join("\n")}\n`;
const post = (name: string, body: BodyInit, options: { query?: Record<string, string>; token?: string; headers?: Record<string, string> } = {}) =>
  send(item.POST, "POST", `/import/${name}`, { token: editor, params: { name }, body, ...options });
const multipart = (file: File) => {
  const form = new FormData();
  form.set("file", file);
  return form;
};

describe("GET /api/v1/import", () => {
  it("lists the importers with name, kind, formats and description", async () => {
    const res = await send(list.GET, "GET", "/import", { token: viewer });
    expect(res.status).toBe(200);
    expect(res.json.items.map((p: { name: string }) => p.name)).toEqual(["csv", "json", "flask-ipam", "xlsx"]);
    expect(res.json.items[0]).toEqual({ name: "csv", kind: "import", description: expect.any(String), formats: [{ media_type: "text/csv", extension: "csv" }] });
  });
});

describe("POST /api/v1/import/{name}", () => {
  it("imports a raw CSV body and answers {created, updated, skipped, errors}", async () => {
    const res = await post("csv", csv("ip_address,hostname", "10.0.0.1,a", "10.0.0.2,b"), { headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ created: 2, updated: 0, skipped: 0, errors: [], dry_run: false });
  });

  it("422 with details.rows: CSV lines (header = line 1) and JSON indexes; nothing written", async () => {
    const bad = await post("csv", csv("ip_address,hostname", "10.0.0.1,ok", "10.0.0.999,x", "10.0.0.3,-y"));
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe("validation_error");
    expect(bad.json.error.details.rows).toEqual([
      { row: 3, field: "ip_address", message: expect.any(String) },
      { row: 4, field: "hostname", message: expect.any(String) },
    ]);
    const json = await post("json", JSON.stringify([{ ip_address: "10.0.0.1" }, { ip_address: "10.0.0.1" }]), { headers: { "content-type": "application/json" } });
    expect(json.json.error.details.rows).toEqual([{ row: 2, field: "ip_address", message: "Address 10.0.0.1 is also on row 1" }]);
    expect(await getDb().host.count()).toBe(0);
  });

  it("dry_run=true: the same report, nothing written", async () => {
    const file = csv("ip_address", "10.0.0.1", "10.0.0.2");
    const dry = await post("csv", file, { query: { dry_run: "true" } });
    expect(dry.json).toEqual({ created: 2, updated: 0, skipped: 0, errors: [], dry_run: true });
    expect(await getDb().host.count()).toBe(0);
    const invalid = await post("csv", csv("ip_address", "nope"), { query: { dry_run: "true" } });
    expect(invalid.status).toBe(422);
  });

  it("on_conflict=skip and update", async () => {
    await post("csv", csv("ip_address,hostname", "10.0.0.1,a"));
    const file = csv("ip_address,hostname", "10.0.0.1,changed", "10.0.0.2,b");
    expect((await post("csv", file)).status).toBe(422);
    expect((await post("csv", file, { query: { on_conflict: "skip" } })).json).toMatchObject({ created: 1, skipped: 1 });
    expect((await post("csv", file, { query: { on_conflict: "update" } })).json).toMatchObject({ created: 0, updated: 2 });
    expect((await getDb().host.findFirstOrThrow({ where: { ipAddress: "10.0.0.1" } })).hostname).toBe("changed");
  });

  it("multipart field file; name=auto goes by the file name's extension", async () => {
    const asCsv = await post("auto", multipart(new File([csv("network", "10.1.0.0/24")], "networks.csv", { type: "text/csv" })));
    expect(asCsv.json).toMatchObject({ created: 1 });
    const asJson = await post("auto", multipart(new File([JSON.stringify([{ ip_address: "10.1.0.5" }])], "hosts.JSON")));
    expect(asJson.json).toMatchObject({ created: 1 });
    const db = flaskDatabase([{ id: 1, network: "10.2.0.0", cidr: 24 }], [{ id: 1, ip_address: "10.2.0.9", hostname: "old-app", status: "active" }]);
    expect((await post("auto", multipart(new File([new Uint8Array(db)], "ipam.db")))).json).toMatchObject({ created: 2 });
    // .xlsx has an importer now; an OpenDocument sheet does not.
    const unknown = await post("auto", multipart(new File(["x"], "hosts.ods")));
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toMatch(/\.ods/);
    expect((await post("auto", csv("ip_address", "10.3.0.1"), { query: { filename: "x.csv" } })).json).toMatchObject({ created: 1 });
  });

  it("repair=true: the original's ipam.db imports, each repair listed next to the row errors", async () => {
    const db = multipart(new File([new Uint8Array(originalAppDatabase())], "ipam.db"));
    const refused = await post("auto", db, { query: { dry_run: "true" } });
    expect(refused.status).toBe(422);
    expect(refused.json.error.details.rows.length).toBeGreaterThan(0);
    const dry = await post("auto", db, { query: { dry_run: "true", repair: "true" } });
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ created: 16, errors: [], dry_run: true });
    expect(dry.json.repairs).toContainEqual({ table: "hosts", row: 1, field: "hostname", message: expect.stringContaining("imported name: db_01") });
    expect(await getDb().host.count()).toBe(0);
    // Rows that still fail: the 422 carries the repairs too.
    const mixed = await post("csv", csv("ip_address,hostname", "10.0.0.1,db_01", "10.0.0.999,x"), { query: { repair: "1" } });
    expect(mixed.status).toBe(422);
    expect(mixed.json.error.details.rows).toEqual([{ row: 3, field: "ip_address", message: expect.any(String) }]);
    expect(mixed.json.error.details).toMatchObject({ repairs: [{ row: 2, field: "hostname", message: expect.any(String) }], repair_count: 1 });
    expect((await post("csv", "ip_address\n", { query: { repair: "yes" } })).status).toBe(400);
  });

  it("413 payload_too_large, by Content-Length and by the bytes actually streamed", async () => {
    const declared = await post("csv", "ip_address\n", { headers: { "content-length": String(60 * 1024 * 1024) } });
    expect(declared.status).toBe(413);
    expect(declared.json.error.code).toBe("payload_too_large");
    const streamed = await post("csv", streamOf(51 * 1024 * 1024));
    expect(streamed.status).toBe(413);
    expect(streamed.json.error.message).toMatch(/50 MB/);
  });

  it("auth: no token 401, a viewer 403, an unknown importer 404, a bad query 400, an empty body 400", async () => {
    expect((await post("csv", "ip_address\n", { token: undefined })).status).toBe(401);
    expect((await post("csv", csv("ip_address", "10.0.0.1"), { token: viewer })).status).toBe(403);
    expect((await post("ods", "x")).status).toBe(404);
    expect((await post("csv", "x", { query: { on_conflict: "merge" } })).status).toBe(400);
    expect((await post("csv", "")).status).toBe(400);
    expect(await getDb().host.count()).toBe(0);
  });
});
