import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { hostBlockDrift, networkCountDrift } from "@/lib/db/raw";
import { openRestoreTarget } from "@/lib/db/raw/backup";
import { prepareInstance } from "@/lib/boot/prepare-instance";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { updateHost } from "@/lib/services/hosts/update-host";
import { writeBackupFile } from "@/lib/services/backup/write-backup";
import { restoreBackup, restoreBackupFile } from "@/lib/services/backup/restore-backup";
import { recordStrayCaptures } from "@/lib/services/changes/record-stray-captures";
import { changeRecordRows, DIRECT_WRITE_AUTHOR } from "@/lib/services/changes/record-changes";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { useTestDatabase } from "@/tests/db";
import { admin, freshDatabase, seedEverything, tempBackupPath, usingDatabase } from "@/tests/backup-fixtures";

// The two writes inWriteTransaction cannot see: a restore (its own
// connection) records one create per restored object itself, and a write
// made outside the app (SQL typed by hand) is recorded at start-up
// (recordStrayCaptures, prepareInstance). Both engines.

const { engine, url } = useTestDatabase();
const backup = tempBackupPath();

beforeAll(async () => {
  await seedEverything("changes");
  await writeBackupFile(admin, backup.file);
});
afterAll(() => backup.remove());

async function objectsOf(): Promise<string[]> {
  const db = getDb();
  const ids = [
    ...(await db.network.findMany({ select: { id: true } })).map((r) => `network:${r.id}`),
    ...(await db.host.findMany({ select: { id: true } })).map((r) => `host:${r.id}`),
    ...(await db.user.findMany({ select: { id: true } })).map((r) => `user:${r.id}`),
    ...(await db.apiToken.findMany({ select: { id: true } })).map((r) => `api_token:${r.id}`),
  ];
  return ids.sort();
}

describe("restore", () => {
  it("records one create per restored network, host, user and token (source restore, one request id, the CLI's null author), after the backup's own history", async () => {
    const target = await freshDatabase();
    try {
      const historyInFile = await getDb().changeLog.count();
      await withChangeContext({ source: "cli" }, () => restoreBackupFile(null, backup.file, { url: target.url }));
      await usingDatabase(target.url, async () => {
        const db = getDb();
        const all = await db.changeLog.findMany({ orderBy: { id: "asc" } });
        expect(all.slice(0, historyInFile).every((r) => r.source !== "restore")).toBe(true);
        const restored = all.slice(historyInFile);
        expect(restored.map((r) => `${r.objectType}:${r.objectId}`).sort()).toEqual(await objectsOf());
        expect(new Set(restored.map((r) => r.requestId)).size).toBe(1);
        // One time too: users' and tokens' records (the JS recorder) and networks' and hosts' (SQL) share the stamp.
        expect(new Set(restored.map((r) => r.time.getTime())).size).toBe(1);
        for (const r of restored) expect(r).toMatchObject({ action: "create", source: "restore", actorKind: "system", actorId: null, actorName: "restore", before: null });
        const host = await db.host.findFirstOrThrow({ where: { ipAddress: "10.1.2.10" } });
        const record = restored.find((r) => r.objectType === "host" && r.objectId === host.id)!;
        expect(JSON.parse(record.after!)).toMatchObject({ id: host.id, ip_address: "10.1.2.10", hostname: "web", mac_address: "52:54:00:00:00:01" });
        expect(record.objectRepr).toBe("10.1.2.10 web");
        const token = restored.find((r) => r.objectType === "api_token")!;
        expect(token.after).not.toMatch(/token_hash|[0-9a-f]{64}/);
        // The child network went in before its parent (a larger id) and was linked later: its record shows it linked.
        const child = await db.network.findFirstOrThrow({ where: { network: "10.1.2.0" } });
        const childRecord = restored.find((r) => r.objectType === "network" && r.objectId === child.id)!;
        expect(child.parentId).not.toBeNull();
        expect(JSON.parse(childRecord.after!).parent_id).toBe(child.parentId);
        expect(await db.changeCapture.count()).toBe(0);
      });
      await expectTriggersAt(target.url);
    } finally {
      await target.drop();
    }
  });

  it("--force over a database with rows: the replaced database's history and captures are gone, the restored objects are creates", async () => {
    const target = await freshDatabase();
    try {
      await usingDatabase(target.url, async () => {
        const net = await createNetwork(admin, networkSchema.parse({ network: "10.1.2.0/24", name: "to be replaced" }));
        const host = await createHost(admin, hostSchema.parse({ ip_address: "10.1.2.10", hostname: "old" }));
        await updateHost(admin, host.id, { patch: { description: "old history" } });
        expect(net.id).toBe(1);
      });
      await restoreBackupFile(admin, backup.file, { url: target.url, force: true });
      await usingDatabase(target.url, async () => {
        const db = getDb();
        expect(await db.changeLog.count({ where: { objectRepr: { contains: "old" } } })).toBe(0);
        expect(await db.changeLog.count({ where: { action: { not: "create" }, source: "restore" } })).toBe(0);
        const restored = await db.changeLog.findMany({ where: { source: "restore" } });
        expect(restored.map((r) => `${r.objectType}:${r.objectId}`).sort()).toEqual(await objectsOf());
        expect(restored[0]).toMatchObject({ actorKind: "user", actorName: admin.name });
        expect(await db.changeCapture.count()).toBe(0);
      });
    } finally {
      await target.drop();
    }
  });

  it("its records of networks and hosts, built by the database, are the ones the JS recorder builds from the same rows", async () => {
    const target = await freshDatabase();
    try {
      await restoreBackupFile(admin, backup.file, { url: target.url });
      const recorded = await usingDatabase(target.url, () =>
        getDb().changeLog.findMany({ where: { source: "restore", objectType: { in: ["network", "host"] } }, orderBy: { id: "asc" } }));
      const restored = await openRestoreTarget(target.url);
      try {
        const images = [...(await restored.restoredPage("networks", 0, 1000)), ...(await restored.restoredPage("hosts", 0, 1000))];
        const built = changeRecordRows(images, admin, { requestId: "r", source: "restore", message: null });
        const columns = (r: { objectType: string; objectId: number; objectRepr: string; before: string | null; after: string | null }) =>
          [r.objectType, r.objectId, r.objectRepr, r.before, r.after];
        expect(recorded.length).toBeGreaterThan(5);
        expect(recorded.map(columns)).toEqual(built.map(columns));
      } finally {
        await restored.rollback();
      }
    } finally {
      await target.drop();
    }
  });

  it("a restore that fails half-way through the hosts leaves the triggers on (they were off only inside its transaction)", async () => {
    const target = await freshDatabase();
    try {
      const lines = readFileSync(backup.file, "utf8").trimEnd().split("\n");
      const hosts = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('{"table":"hosts"')).map(([, i]) => i);
      // The second host takes the first one's address: the database refuses the batch.
      const duplicate = JSON.parse(lines[hosts[1]]);
      duplicate.row.ip_address = JSON.parse(lines[hosts[0]]).row.ip_address;
      lines[hosts[1]] = JSON.stringify(duplicate);
      await expect(restoreBackup(admin, linesOf(lines), { url: target.url })).rejects.toThrow(/Backup lines \d+–\d+ \(hosts\)/);
      await expectTriggersAt(target.url);
    } finally {
      await target.drop();
    }
  });

  it("a failed restore records nothing and leaves the database as it was", async () => {
    const target = await freshDatabase();
    try {
      await usingDatabase(target.url, () => createNetwork(admin, networkSchema.parse({ network: "10.9.0.0/16" })));
      await expect(restoreBackupFile(admin, `${backup.file}.missing`, { url: target.url, force: true })).rejects.toThrow();
      await usingDatabase(target.url, async () => {
        expect((await getDb().changeLog.findMany()).map((r) => `${r.action} ${r.objectRepr}`)).toEqual(["create 10.9.0.0/16"]);
        expect(await getDb().changeCapture.count()).toBe(0);
      });
    } finally {
      await target.drop();
    }
  });
});

async function* linesOf(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

/**
 * The count and capture triggers work in the database at `url`: its kept
 * counts equal a recount, and a host created there is counted and recorded.
 */
async function expectTriggersAt(databaseUrl: string): Promise<void> {
  await usingDatabase(databaseUrl, async () => {
    const db = getDb();
    expect(await networkCountDrift(db)).toEqual([]);
    expect(await hostBlockDrift(db)).toEqual([]);
    const net = await createNetwork(admin, networkSchema.parse({ network: "10.77.1.0/24", name: "after restore" }));
    const host = await createHost(admin, hostSchema.parse({ ip_address: "10.77.1.5", hostname: "after-restore" }));
    expect(await db.networkCount.findUnique({ where: { networkId: net.id } })).toMatchObject({ total: 1 });
    expect(await hostBlockDrift(db)).toEqual([]);
    expect(await db.changeLog.count({ where: { objectType: "host", objectId: host.id, action: "create" } })).toBe(1);
    expect(await db.changeCapture.count()).toBe(0);
  });
}

/** A write made outside the app: its own statement on its own connection, committed on its own. */
async function writeByHand(sql: string): Promise<void> {
  if (engine === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  } else {
    await getDb().$executeRawUnsafe(sql);
  }
}

describe("stray captures", () => {
  it("a write typed into the database by hand is recorded at start-up as a direct write, once", async () => {
    const net = await createNetwork(admin, networkSchema.parse({ network: "10.77.0.0/24", name: "by hand" }));
    await writeByHand(`UPDATE networks SET description = 'typed in psql' WHERE id = ${net.id}`);
    expect(await getDb().changeCapture.count()).toBe(1);
    const lines: string[] = [];
    await prepareInstance((line) => lines.push(line));
    expect(lines).toContain("Recorded 1 change(s) made directly in the database");
    const records = await getDb().changeLog.findMany({ where: { objectType: "network", objectId: net.id }, orderBy: { id: "asc" } });
    expect(records.map((r) => r.action)).toEqual(["create", "update"]);
    expect(records[1]).toMatchObject({ actorKind: "system", actorName: (DIRECT_WRITE_AUTHOR as { name: string }).name });
    expect(JSON.parse(records[1].before!).description).toBeNull();
    expect(JSON.parse(records[1].after!).description).toBe("typed in psql");
    expect(await getDb().changeCapture.count()).toBe(0);
    expect(await recordStrayCaptures()).toBe(0);
  });

  it("takes only committed captures of other transactions: one still running keeps its rows and records them itself", async () => {
    if (engine === "sqlite") {
      // SQLite has one writer: no other transaction can hold captures while this one runs; its next app write records strays.
      await writeByHand(`UPDATE networks SET name = 'renamed by hand' WHERE network = '10.77.0.0'`);
      const host = await createHost(admin, hostSchema.parse({ ip_address: "10.77.0.9" }));
      const network = await getDb().network.findFirstOrThrow({ where: { network: "10.77.0.0" } });
      expect((await getDb().changeLog.findFirstOrThrow({ where: { objectType: "network", objectId: network.id }, orderBy: { id: "desc" } })).actorName)
        .toBe((DIRECT_WRITE_AUTHOR as { name: string }).name);
      expect(await getDb().changeLog.count({ where: { objectType: "host", objectId: host.id } })).toBe(1);
      expect(await getDb().changeCapture.count()).toBe(0);
      return;
    }
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`UPDATE networks SET name = 'in flight' WHERE network = '10.77.0.0'`);
      await writeByHand(`UPDATE hosts SET description = 'committed by hand' WHERE id = (SELECT MIN(id) FROM hosts)`);
      expect(await recordStrayCaptures()).toBe(1);
      const { rows } = await other.query<{ n: string }>("SELECT count(*) AS n FROM change_capture WHERE xact = txid_current_if_assigned()");
      expect(Number(rows[0].n)).toBe(1);
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    // Committed by a client that never took its rows back: stray now, recorded at the next start.
    expect(await recordStrayCaptures()).toBe(1);
    const network = await getDb().network.findFirstOrThrow({ where: { network: "10.77.0.0" } });
    expect(await getDb().changeLog.findFirstOrThrow({ where: { objectType: "network", objectId: network.id }, orderBy: { id: "desc" } }))
      .toMatchObject({ action: "update", actorName: (DIRECT_WRITE_AUTHOR as { name: string }).name });
    expect(await getDb().changeCapture.count()).toBe(0);
  });
});
