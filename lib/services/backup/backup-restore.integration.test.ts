import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { createNetwork } from "@/lib/services/networks/create-network";
import { authenticateToken } from "@/lib/services/tokens/authenticate-token";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";
import { backupChunks, writeBackupFile } from "@/lib/services/backup/write-backup";
import { restoreBackup, restoreBackupFile } from "@/lib/services/backup/restore-backup";
import type { BackupHeader } from "@/lib/services/backup/backup-format";
import { useTestDatabase } from "@/tests/db";
import { admin, apiLists, backupLines, freshDatabase, seedEverything, tempBackupPath, usingDatabase } from "@/tests/backup-fixtures";

// Backup and restore on the run's engine (both halves of `npm test`); the
// engine-to-engine path is cross-engine.integration.test.ts.

useTestDatabase();
const backup = tempBackupPath();
let seeded: Awaited<ReturnType<typeof seedEverything>>;
let expected: Awaited<ReturnType<typeof apiLists>>;
let header: BackupHeader;

beforeAll(async () => {
  seeded = await seedEverything("same-engine");
  expected = await apiLists();
  header = await writeBackupFile(admin, backup.file);
});
afterAll(() => backup.remove());

async function* linesOf(lines: string[]) {
  yield* lines;
}

/** Restores `lines` into a fresh database; returns the error and whether anything was written. */
async function restoreInto(lines: string[]): Promise<{ error: Error; rows: number }> {
  const target = await freshDatabase();
  try {
    const error = await restoreBackup(admin, linesOf(lines), { url: target.url }).then(() => new Error("restored"), (e: Error) => e);
    const rows = await usingDatabase(target.url, async () => {
      const db = getDb();
      return (await db.network.count()) + (await db.host.count()) + (await db.hostName.count()) + (await db.user.count()) + (await db.apiToken.count());
    });
    return { error, rows };
  } finally {
    await target.drop();
  }
}

const original = () => readFileSync(backup.file, "utf8").trimEnd().split("\n");

/**
 * A backup of a restored database holds the restored file's rows, plus the
 * restore's own change records (one create per network, host, user and
 * token): the lines also in `restored`, and the other lines' rows.
 */
function splitRestoreRecords(file: string, restored: string) {
  const lines = backupLines(file).slice(1, -1);
  const before = new Set(backupLines(restored));
  return {
    rows: lines.filter((l) => before.has(l)),
    records: lines.filter((l) => !before.has(l)).map((l) => {
      const value = JSON.parse(l);
      expect(value.table).toBe("change_log");
      return value.row as Record<string, unknown>;
    }),
  };
}

/** The restore's records name every restored object once, as a create of one request. */
function expectRestoreRecords(records: Array<Record<string, unknown>>, file: string) {
  const restored = backupLines(file).slice(1, -1).map((l) => JSON.parse(l))
    .filter((l) => ["networks", "hosts", "users", "api_tokens"].includes(l.table))
    .map((l) => `${{ networks: "network", hosts: "host", users: "user", api_tokens: "api_token" }[l.table as string]}:${l.row.id}`);
  expect(records.map((r) => `${r.object_type}:${r.object_id}`).sort()).toEqual(restored.sort());
  expect(new Set(records.map((r) => r.request_id)).size).toBe(1);
  for (const r of records) expect(r).toMatchObject({ action: "create", source: "restore", before: null, after: expect.any(String) });
}

describe("backup", () => {
  it("writes a header with versions and per-table counts, parents before children, then rows and a trailer", () => {
    expect(header).toMatchObject({ format: "ipam-backup", version: 1, app_version: expect.any(String), migration: expect.stringMatching(/^\d{14}_/) });
    const order = header.tables.map((t) => t.name);
    expect(order.indexOf("networks")).toBeLessThan(order.indexOf("hosts"));
    expect(order.indexOf("hosts")).toBeLessThan(order.indexOf("host_names"));
    expect(order.indexOf("users")).toBeLessThan(order.indexOf("api_tokens"));
    expect(order).not.toContain("_prisma_migrations");
    const counts = Object.fromEntries(header.tables.map((t) => [t.name, t.count]));
    // change_log: the seed's creates, one per network, host, user and token.
    expect(counts).toEqual({ networks: 3, hosts: 5, host_names: expected.hostNames.length, users: 1, api_tokens: 1, change_log: 10 });
    const lines = original();
    expect(lines).toHaveLength(1 + 3 + 5 + expected.hostNames.length + 1 + 1 + 10 + 1);
    const user = lines.map((l) => JSON.parse(l)).find((l) => l.table === "users");
    expect(user.row.password_hash).toMatch(/^\$2/);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, rows: lines.length - 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("reads one snapshot: rows committed while it runs are not in it, and the writers are not blocked", async () => {
    const chunks = backupChunks();
    const first = await chunks.next();
    const during = JSON.parse(first.value as string) as BackupHeader;
    const started = performance.now();
    await createHosts(admin, [hostSchema.parse({ ip_address: "10.1.2.77", hostname: "during" })]);
    expect(performance.now() - started).toBeLessThan(5000);
    let rest = "";
    for await (const chunk of chunks) rest += chunk;
    const rows = rest.trimEnd().split("\n").slice(0, -1).map((l) => JSON.parse(l));
    expect(rows.filter((r) => r.table === "hosts")).toHaveLength(during.tables.find((t) => t.name === "hosts")!.count);
    expect(rows.some((r) => r.row.ip_address === "10.1.2.77")).toBe(false);
    await getDb().host.deleteMany({ where: { ipAddress: "10.1.2.77" } });
  });

  it("never overwrites a file", async () => {
    await expect(writeBackupFile(admin, backup.file)).rejects.toThrow(/already exists/);
  });

  it("is for admins only", async () => {
    await expect(writeBackupFile({ ...admin, role: "editor" }, `${backup.file}.x`)).rejects.toThrow(/admin/);
    await expect(restoreBackupFile({ ...admin, role: "editor" }, backup.file)).rejects.toThrow(/admin/);
  });
});

describe("restore", () => {
  it("loads every row with its id into an empty database; the lists, logins and tokens are as before, and ids continue", async () => {
    const target = await freshDatabase();
    const again = tempBackupPath();
    try {
      const summary = await restoreBackupFile(admin, backup.file, { url: target.url });
      expect(summary.rows).toBe(original().length - 2);
      await usingDatabase(target.url, async () => {
        expect(await apiLists()).toEqual(expected);
        await writeBackupFile(admin, again.file);
        // (Signing in with the token stamps its last use: after the backup above.)
        expect(await authenticateToken(seeded.token)).toMatchObject({ kind: "token", role: "viewer" });
        expect(await verifyCredentials({ email: seeded.email, password: seeded.password })).toMatchObject({ role: "editor" });
        const made = await createNetwork(admin, networkSchema.parse({ network: "172.16.0.0/12" }));
        expect(made.id).toBeGreaterThan(Math.max(...expected.networks.items.map((n) => n.id)));
      });
      // Every column of every row, byte for byte; the restore's records added to the change log.
      const { rows, records } = splitRestoreRecords(again.file, backup.file);
      expect(rows).toEqual(backupLines(backup.file).slice(1, -1));
      expectRestoreRecords(records, backup.file);
      expect(records.find((r) => r.object_type === "user")).toMatchObject({ actor_kind: "user", actor_name: admin.name, object_repr: seeded.email });
    } finally {
      again.remove();
      await target.drop();
    }
  });

  // The restore above reproduces this link: the child is inserted before its parent exists, and linked when the table is complete.
  it("the data holds a network whose parent has a larger id", () => {
    const child = expected.networks.items.find((n) => n.network === "10.1.2.0")!;
    const parent = expected.networks.items.find((n) => n.network === "10.1.0.0")!;
    expect(child.parent_id).toBe(parent.id);
    expect(parent.id).toBeGreaterThan(child.id);
  });

  it("refuses a database with rows and changes nothing; --force replaces everything in it", async () => {
    await createHosts(admin, [hostSchema.parse({ ip_address: "10.1.2.99", hostname: "extra" })]);
    const before = await apiLists();
    await expect(restoreBackupFile(admin, backup.file)).rejects.toThrow(/not empty .*--force/);
    expect(await apiLists()).toEqual(before);
    await restoreBackupFile(admin, backup.file, { force: true });
    expect(await apiLists()).toEqual(expected);
  });
});

describe("a bad file writes nothing and says which line", () => {
  const edit = (index: number, change: (value: any) => void) => {
    const lines = original();
    const value = JSON.parse(lines[index]);
    change(value);
    lines[index] = JSON.stringify(value);
    return lines;
  };
  const hostLine = () => original().findIndex((l) => l.includes('"table":"hosts"'));

  it("a value of the wrong type", async () => {
    const i = hostLine();
    const { error, rows } = await restoreInto(edit(i, (v) => (v.row.ip_address = 42)));
    expect(error.message).toMatch(new RegExp(`^Backup line ${i + 1}: row.ip_address`));
    expect(rows).toBe(0);
  });

  it("a line that is not JSON, a row of an unknown table, rows out of table order", async () => {
    const i = hostLine();
    const lines = original();
    expect((await restoreInto([...lines.slice(0, i), "{oops", ...lines.slice(i + 1)])).error.message).toMatch(`Backup line ${i + 1}: not a JSON value`);
    expect((await restoreInto(edit(i, (v) => (v.table = "nope")))).error.message).toMatch(`Backup line ${i + 1}: no table "nope"`);
    const networkLine = lines.findIndex((l) => l.includes('"table":"networks"'));
    const swapped = [...lines.slice(0, i), lines[i], lines[networkLine], ...lines.slice(i + 1)];
    expect((await restoreInto(swapped)).error.message).toMatch(`Backup line ${i + 2}: a networks row after the hosts rows`);
    const repeated = [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)];
    expect((await restoreInto(repeated)).error.message).toMatch(`Backup line ${i + 2}: hosts rows must come in id order, each once`);
  });

  it("a row the database refuses (a duplicate address): the lines of its batch are named", async () => {
    const i = hostLine();
    const lines = edit(i + 1, (v) => (v.row.ip_address = JSON.parse(original()[i]).row.ip_address));
    const { error, rows } = await restoreInto(lines);
    expect(error.message).toMatch(new RegExp(`^Backup lines ${i + 1}–\\d+ \\(hosts\\)`));
    expect(rows).toBe(0);
  });

  it("an edited row (checksum), a missing trailer (truncated), a wrong count, a newer format", async () => {
    const i = hostLine();
    const edited = await restoreInto(edit(i, (v) => (v.row.description = "edited")));
    expect(edited.error.message).toMatch(/sha256 .* does not match/);
    expect(edited.rows).toBe(0);
    const truncated = await restoreInto(original().slice(0, -1));
    expect(truncated.error.message).toMatch(/without its trailer line: the backup is incomplete/);
    expect(truncated.rows).toBe(0);
    const counted = await restoreInto(edit(0, (v) => (v.tables.find((t: { name: string }) => t.name === "hosts").count = 6)));
    expect(counted.error.message).toMatch("Backup line 1: the header counts 6 hosts rows, the file holds 5");
    expect((await restoreInto(edit(0, (v) => (v.version = 2)))).error.message).toMatch(/format version 2 is newer/);
    expect((await restoreInto(['{"hello":1}'])).error.message).toMatch("Backup line 1: not an ipam-backup file");
    expect((await restoreInto([])).error.message).toMatch("Backup line 1: the file is empty");
  });

  it("a backup written at another schema migration", async () => {
    const { error, rows } = await restoreInto(edit(0, (v) => (v.migration = "20990101000000_future")));
    expect(error.message).toMatch(/written at schema migration 20990101000000_future .* this database is at \d{14}_/);
    expect(rows).toBe(0);
  });
});

describe("many rows", () => {
  it("crosses page (5,000 rows) and batch (2,000 rows) boundaries: 12,000 more hosts and their names round-trip", async () => {
    for (let part = 0; part < 2; part++) {
      await createHosts(admin, Array.from({ length: 6000 }, (_, i) => {
        const k = part * 6000 + i;
        return hostSchema.parse({ ip_address: `10.1.${10 + (k >> 8)}.${k & 255}`, hostname: `bulk${k}` });
      }));
    }
    const [before, after] = [tempBackupPath(), tempBackupPath()];
    const target = await freshDatabase();
    try {
      const written = await writeBackupFile(admin, before.file);
      expect(written.tables.find((t) => t.name === "hosts")!.count).toBe(5 + 12_000);
      await restoreBackupFile(admin, before.file, { url: target.url });
      await usingDatabase(target.url, () => writeBackupFile(admin, after.file));
      const { rows, records } = splitRestoreRecords(after.file, before.file);
      expect(rows).toEqual(backupLines(before.file).slice(1, -1));
      expectRestoreRecords(records, before.file);
    } finally {
      before.remove();
      after.remove();
      await target.drop();
    }
  });
});
