import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { clearCapturedRows, type CapturedRow, type ChangeRecordRow } from "@/lib/db/raw/change-log";
import { insertCreatedOnceRecords } from "@/lib/db/raw/change-log-bulk";
import { insertHosts } from "@/lib/db/raw/bulk-import";
import { parseAddress } from "@/lib/ipam/parse";
import { sortKey } from "@/lib/ipam/sortkey";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { updateHost } from "@/lib/services/hosts/update-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { changeRecordRows, startRecordingChanges } from "@/lib/services/changes/record-changes";
import { networkSchema } from "@/lib/schemas/network";
import { hostSchema } from "@/lib/schemas/host";

// The bulk path (lib/db/raw/change-log-bulk.ts) builds the "create" records
// of hosts and networks in SQL; they must be exactly the JS path's
// (changeRecordRows over the same captures): same snapshot fields in the
// same order, same values and types, same object_repr, in the same order
// among the other records of the transaction.

useTestDatabase();

const editor: Actor = { kind: "user", id: 1, name: "Edith", role: "editor" };
const context = { source: "import" as const, requestId: "00000000-0000-4000-8000-0000000000c1", message: "bulk ✓" };
const awkward = 'Ünïcode "quoted" \\ back\nnew line\ttab \u2028 end';

/** Networks with every field, with none, IPv4 and IPv6; hosts likewise, through the services and the importer's raw SQL. */
async function writeObjects(tx: Tx, n: number): Promise<void> {
  await createNetwork(editor, networkSchema.parse({
    network: `10.${n + 1}.0.0`, cidr: 22, name: "Full", domain: "full.example.com", vlan_id: 80, description: awkward, location: "Room 1",
    gateway: `10.${n + 1}.0.1`, dhcp_start: `10.${n + 1}.1.10`, dhcp_end: `10.${n + 1}.1.99`, status: "reserved",
  }), { tx });
  await createNetwork(editor, networkSchema.parse({ network: `10.${n}.0.0`, cidr: 24 }), { tx });
  await createNetwork(editor, networkSchema.parse({ network: `2001:db8:${n}::`, cidr: 48, name: "Six", vlan_id: 4094, gateway: `2001:db8:${n}::1` }), { tx });
  await createHosts(editor, [
    hostSchema.parse({
      ip_address: `10.${n}.0.5`, hostname: `full${n}`, cname: `alias${n}`, mac_address: `02:00:00:00:${n}:05`, description: awkward, status: "reserved",
      last_seen: "2026-11-30T08:09:10.123Z", discovery_source: "nmap", allow_duplicate_name: true,
    }),
    hostSchema.parse({ ip_address: `10.${n}.3.7` }),
    hostSchema.parse({ ip_address: `2001:db8:${n}::5`, hostname: `six${n}`, mac_address: `02:00:00:00:${n}:06`, last_seen: "2026-11-30T08:09:10Z" }),
    hostSchema.parse({ ip_address: `2001:db8:${n + 1}::1`, description: "outside every network" }),
  ], { tx });
  // As the importer writes them (its own SQL, dates as text, flags as 0/1).
  const raw = [
    { ip: `10.${n}.2.1`, hostname: "", allow: false, lastSeen: null },
    { ip: `2001:db8:${n}::abcd`, hostname: `imported${n}`, allow: true, lastSeen: new Date("2026-01-02T03:04:05.006Z") },
  ];
  await insertHosts(tx, raw, (h) => {
    const address = parseAddress(h.ip);
    return {
      ipAddress: h.ip, ipKey: sortKey(address), family: address.family, hostname: h.hostname, cname: null, macAddress: null,
      description: h.allow ? "raw \u0001\u001f control" : null, status: "active", lastSeen: h.lastSeen, discoverySource: "import", allowDuplicateName: h.allow,
    };
  });
}

async function capturedRows(tx: Tx): Promise<CapturedRow[]> {
  return (await tx.changeCapture.findMany({ orderBy: { id: "asc" } })).map((r) => ({
    id: r.id, table_name: r.tableName, row_id: r.rowId, op: r.op as CapturedRow["op"], old_row: r.oldRow, new_row: r.newRow, secret_changed: r.secretChanged,
  }));
}

/** A record as compared: every column but id and time, its snapshots re-serialized (spacing aside; field order kept). */
const comparable = ({ time: _, ...r }: Omit<ChangeRecordRow, "time"> & { time?: unknown; id?: unknown }) => {
  const { id: __, ...rest } = r;
  const json = (text: string | null) => (text === null ? null : JSON.stringify(JSON.parse(text)));
  return { ...rest, before: json(r.before), after: json(r.after) };
};

const written = (requestId: string) => getDb().changeLog.findMany({ where: { requestId }, orderBy: { id: "asc" } });

describe("recording created hosts and networks in SQL", () => {
  it("writes the records the JS path makes of the same captures", async () => {
    const expected = await getDb().$transaction(async (tx) => {
      await writeObjects(tx, 80);
      const captured = await capturedRows(tx);
      expect(captured.every((r) => r.op === "I")).toBe(true);
      const stamp = { time: new Date(), actorKind: "user", actorId: editor.id, actorName: editor.name, ...context };
      const count = await insertCreatedOnceRecords(tx, { recaptured: { hosts: [], networks: [] } }, 0, null, stamp);
      expect(count).toBe(captured.length);
      await clearCapturedRows(tx);
      return changeRecordRows(captured, editor, context);
    }, { maxWait: 30_000, timeout: 30_000 });

    const rows = await written(context.requestId);
    expect(rows.map(comparable)).toEqual(expected.map(comparable));
    expect(rows.map((r) => r.objectRepr)).toContain("10.80.2.1");
    expect(rows.map((r) => r.objectRepr)).toContain("10.81.0.0/22 Full");
    // The text too, byte for byte: what the API returns is the stored JSON.
    expect(rows.map((r) => r.after)).toEqual(expected.map((r) => r.after));
  });

  it("keeps the JS path's order among updates, deletes and objects captured several times", async () => {
    const mixed = { ...context, requestId: "00000000-0000-4000-8000-0000000000c2" };
    // Written (and recorded) before: updated and deleted below.
    const earlier = await createHosts(editor, [hostSchema.parse({ ip_address: "10.84.0.1" }), hostSchema.parse({ ip_address: "10.84.0.2" })]);
    const expected = await getDb().$transaction(async (tx) => {
      // Every capture of this transaction goes the bulk way, however few.
      const recorder = await startRecordingChanges(tx, { inOneGoUpTo: 0 });
      await writeObjects(tx, 82);
      await updateHost(editor, earlier[0].id, { patch: { description: "changed" } }, { tx });
      const more = await createHosts(editor, [hostSchema.parse({ ip_address: "10.82.3.8" }), hostSchema.parse({ ip_address: "10.82.3.9" })], { tx });
      await updateHost(editor, more[0].id, { patch: { hostname: "renamed" } }, { tx });
      await deleteHost(editor, earlier[1].id, { tx });
      await createHosts(editor, [hostSchema.parse({ ip_address: "10.82.3.10", hostname: "last" })], { tx });
      const captured = await capturedRows(tx);
      const expected = changeRecordRows(captured, editor, mixed);
      expect(await recorder.record(editor, mixed)).toBe(expected.length);
      return expected;
    }, { maxWait: 30_000, timeout: 30_000 });

    const rows = await written(mixed.requestId);
    expect(rows.map(comparable)).toEqual(expected.map(comparable));
    expect(rows.map((r) => `${r.action} ${r.objectRepr}`).slice(-5)).toEqual([
      "update 10.84.0.1", "create 10.82.3.8 renamed", "create 10.82.3.9", "delete 10.84.0.2", "create 10.82.3.10 last",
    ]);
    expect(await getDb().changeCapture.count()).toBe(0);
  });
});
