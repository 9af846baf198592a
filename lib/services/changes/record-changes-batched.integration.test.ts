import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { CapturedRow } from "@/lib/db/raw/change-log";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { updateHost } from "@/lib/services/hosts/update-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { changeRecordRows, startRecordingChanges } from "@/lib/services/changes/record-changes";
import { networkSchema } from "@/lib/schemas/network";
import { hostSchema } from "@/lib/schemas/host";

// A transaction that captured more than record-changes' IN_ONE_GO rows (an
// import) is recorded in batches, merged in SQL: its records must be exactly
// those the in-memory path (changeRecordRows) makes of the same captures.

useTestDatabase();

const editor: Actor = { kind: "user", id: 1, name: "Edith", role: "editor" };
const context = { source: "import" as const, requestId: "00000000-0000-4000-8000-0000000000b1", message: "bulk" };

describe("recording a large transaction in batches", () => {
  it("writes the same records, in the same order, as recording all captures at once", async () => {
    const db = getDb();
    const { expected, written } = await db.$transaction(async (tx) => {
      const recorder = await startRecordingChanges(tx);
      await createNetwork(editor, networkSchema.parse({ network: "10.70.0.0", cidr: 20, name: "Batch" }), { tx });
      const hosts = await createHosts(editor, Array.from({ length: 2100 }, (_, i) =>
        hostSchema.parse({ ip_address: `10.70.${Math.floor(i / 250)}.${(i % 250) + 1}`, hostname: `b${i}` })), { tx });
      // Several captures of one object (merged), one undone (no record), a create then delete (no record), a delete.
      await updateHost(editor, hosts[5].id, { patch: { description: "one" } }, { tx });
      await updateHost(editor, hosts[5].id, { patch: { description: "two" } }, { tx });
      await updateHost(editor, hosts[2000].id, { patch: { description: "three" } }, { tx });
      await deleteHost(editor, hosts[7].id, { tx });
      const user = await tx.user.create({ data: { email: "batch@example.test", role: "editor", passwordHash: "x" } });
      await tx.apiToken.create({ data: { name: "batch token", tokenHash: "h", tokenHint: "ipam_x", role: "editor", userId: user.id } });
      await tx.user.update({ where: { id: user.id }, data: { passwordHash: "y" } });

      const captured: CapturedRow[] = (await tx.changeCapture.findMany({ orderBy: { id: "asc" } })).map((r) => ({
        id: r.id, table_name: r.tableName, row_id: r.rowId, op: r.op as CapturedRow["op"], old_row: r.oldRow, new_row: r.newRow, secret_changed: r.secretChanged,
      }));
      expect(captured.length).toBeGreaterThan(2000);
      const expected = changeRecordRows(captured, editor, context);
      return { expected, written: await recorder.record(editor, context) };
      // 2,100 hosts take seconds on a busy CI machine: more than Prisma's 5 s default.
    }, { maxWait: 60_000, timeout: 60_000 });

    const rows = await db.changeLog.findMany({ where: { requestId: context.requestId }, orderBy: { id: "asc" } });
    expect(written).toBe(expected.length);
    const comparable = (r: (typeof expected)[number]) => ({ ...r, time: undefined });
    expect(rows.map(({ id: _, ...r }) => comparable(r))).toEqual(expected.map(comparable));
    expect(rows.filter((r) => r.objectType === "host" && r.action === "create")).toHaveLength(2099);
    expect(rows.find((r) => r.objectType === "api_token")!.after).toContain("batch@example.test");
    expect(await db.changeCapture.count()).toBe(0);
  });
});
