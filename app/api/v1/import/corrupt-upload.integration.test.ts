import { beforeAll, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/import/[name]/route";
import { getDb } from "@/lib/db/client";
import { tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";
import { flaskDatabase } from "@/plugins/testing/flask-db";
import { send } from "@/plugins/testing/http";

// An ipam.db whose header is right but whose pages are not: SQLite only fails
// once it reads them, and that failure is the upload's fault (422), not ours (500).

useTestDatabase();
let editor: string;
beforeAll(async () => {
  editor = await tokenFor("editor");
});

const upload = (bytes: Buffer, name = "flask-ipam") => {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "ipam.db"));
  return send(item.POST, "POST", `/import/${name}`, { token: editor, params: { name }, body: form });
};

function corrupted(): Buffer {
  const bytes = flaskDatabase([{ id: 1, network: "10.9.0.0", cidr: 24 }], [{ id: 1, ip_address: "10.9.0.5", hostname: "a" }]);
  // Keep the 100-byte file header (so it passes the magic check), scribble over the schema page and the rest.
  bytes.fill(0xa5, 100);
  return bytes;
}

describe("POST /api/v1/import/flask-ipam with a damaged SQLite file", () => {
  it("answers 422 with SQLite's reason and writes nothing", async () => {
    const res = await upload(corrupted());
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_error");
    expect(res.json.error.message).toMatch(/damaged/);
    expect(await getDb().network.count()).toBe(0);
    expect(await getDb().host.count()).toBe(0);
  });

  it("answers 422 for a file cut short after its header", async () => {
    const res = await upload(corrupted().subarray(0, 512), "auto");
    expect(res.status).toBe(422);
    expect(await getDb().network.count()).toBe(0);
  });
});
