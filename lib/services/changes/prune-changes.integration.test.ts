import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { overrideEnv } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { networkSchema } from "@/lib/schemas/network";
import { hostSchema } from "@/lib/schemas/host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createHost } from "@/lib/services/hosts/create-host";
import { updateHost } from "@/lib/services/hosts/update-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { pruneChanges } from "@/lib/services/changes/prune-changes";
import { prepareInstance } from "@/lib/boot/prepare-instance";

// Retention: old records go, but each surviving object keeps its create
// record and its latest one, so its history still begins and its last diff
// still reads; objects gone for longer than the retention leave nothing.

useTestDatabase();

const editor: Actor = { kind: "user", id: 2, name: "Edith", role: "editor" };
const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2030-06-01T00:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const history = async (objectType: string, objectId: number) =>
  (await getDb().changeLog.findMany({ where: { objectType, objectId }, orderBy: { id: "asc" } })).map((r) => `${r.action}:${r.id}`);

/** Sets the record times of an object, oldest first (change_log is not itself captured, so a direct update is fine here). */
async function age(objectType: string, objectId: number, days: number[]) {
  const rows = await getDb().changeLog.findMany({ where: { objectType, objectId }, orderBy: { id: "asc" } });
  expect(rows).toHaveLength(days.length);
  for (const [i, row] of rows.entries()) await getDb().changeLog.update({ where: { id: row.id }, data: { time: daysAgo(days[i]) } });
}

afterEach(() => overrideEnv({ CHANGELOG_RETENTION_DAYS: "0" }));

describe("pruneChanges", () => {
  it("keeps everything with the default of 0 days", async () => {
    const net = await createNetwork(editor, networkSchema.parse({ network: "10.64.0.0/24" }));
    await age("network", net.id, [5000]);
    overrideEnv({ CHANGELOG_RETENTION_DAYS: "0" });
    expect(await pruneChanges(now)).toBe(0);
    expect(await history("network", net.id)).toHaveLength(1);
  });

  it("deletes old records but each existing object's create and latest; a deleted object's old records all go", async () => {
    await createNetwork(editor, networkSchema.parse({ network: "10.65.0.0/24" }));
    const kept = await createHost(editor, hostSchema.parse({ ip_address: "10.65.0.5" }));
    for (const d of ["a", "b", "c"]) await updateHost(editor, kept.id, { patch: { description: d } });
    await age("host", kept.id, [100, 90, 80, 70]);
    const recent = await createHost(editor, hostSchema.parse({ ip_address: "10.65.0.6" }));
    await updateHost(editor, recent.id, { patch: { description: "x" } });
    await updateHost(editor, recent.id, { patch: { description: "y" } });
    await age("host", recent.id, [100, 50, 1]);
    const gone = await createHost(editor, hostSchema.parse({ ip_address: "10.65.0.7" }));
    await deleteHost(editor, gone.id);
    await age("host", gone.id, [100, 40]);
    const goneLately = await createHost(editor, hostSchema.parse({ ip_address: "10.65.0.8" }));
    await deleteHost(editor, goneLately.id);
    await age("host", goneLately.id, [100, 10]);
    const [keptBefore, recentBefore, lateBefore] = [await history("host", kept.id), await history("host", recent.id), await history("host", goneLately.id)];

    overrideEnv({ CHANGELOG_RETENTION_DAYS: "30" });
    expect(await pruneChanges(now)).toBe(2 + 1 + 2 + 1);
    expect(await history("host", kept.id)).toEqual([keptBefore[0], keptBefore[3]]);
    expect(await history("host", recent.id)).toEqual([recentBefore[0], recentBefore[2]]);
    expect(await history("host", gone.id)).toEqual([]);
    expect(await history("host", goneLately.id)).toEqual([lateBefore[1]]);
    expect(await pruneChanges(now)).toBe(0);
  });

  it("runs at start-up (prepareInstance), saying how many went", async () => {
    const host = await createHost(editor, hostSchema.parse({ ip_address: "10.65.1.5" }));
    await updateHost(editor, host.id, { patch: { description: "a" } });
    await updateHost(editor, host.id, { patch: { description: "b" } });
    const rows = await history("host", host.id);
    await getDb().changeLog.updateMany({ where: { objectType: "host", objectId: host.id }, data: { time: new Date(Date.now() - 400 * DAY) } });
    overrideEnv({ CHANGELOG_RETENTION_DAYS: "365" });
    const lines: string[] = [];
    await prepareInstance((line) => lines.push(line));
    expect(lines).toContain("Pruned 1 change record(s) older than 365 days");
    expect(await history("host", host.id)).toEqual([rows[0], rows[2]]);
  });
});
