import { beforeAll, describe, expect, it } from "vitest";
import * as backup from "@/app/api/v1/backup/route";
import { restoreBackup } from "@/lib/services/backup/restore-backup";
import { useTestDatabase } from "@/tests/db";
import { tokenFor } from "@/tests/api/client";
import { admin, apiLists, freshDatabase, seedEverything, usingDatabase } from "@/tests/backup-fixtures";

// GET /api/v1/backup: the admin UI's "Download backup".

useTestDatabase();
beforeAll(() => seedEverything("route"));

const get = (token: string | null) =>
  backup.GET(new Request("http://localhost/api/v1/backup", { headers: token ? { authorization: `Bearer ${token}` } : {} }), { params: Promise.resolve({}) });

describe("GET /api/v1/backup", () => {
  it("streams the backup to an admin as an attachment, and the download restores", async () => {
    const res = await get(await tokenFor("admin"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="ipam-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.jsonl"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    // A stream pulled chunk by chunk, not one buffered string.
    expect(res.body).toBeInstanceOf(ReadableStream);
    const reader = res.body!.getReader();
    let text = "";
    let chunks = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read(), chunks++) text += new TextDecoder().decode(r.value);
    expect(chunks).toBeGreaterThan(1);
    const lines = text.trimEnd().split("\n");
    expect(JSON.parse(lines[0])).toMatchObject({ format: "ipam-backup", version: 1 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, rows: lines.length - 2 });

    const expected = await apiLists();
    const target = await freshDatabase();
    try {
      await restoreBackup(admin, (async function* () { yield* lines; })(), { url: target.url });
      // The download was read after the admin token above was made: the lists match.
      await usingDatabase(target.url, async () => expect(await apiLists()).toEqual(expected));
    } finally {
      await target.drop();
    }
  });

  it.each(["viewer", "editor"] as const)("is 403 for a %s", async (role) => {
    const res = await get(await tokenFor(role));
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: "forbidden" });
  });

  it("is 401 without credentials", async () => {
    expect((await get(null)).status).toBe(401);
  });
});
