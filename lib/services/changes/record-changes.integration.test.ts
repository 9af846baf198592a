import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createHost } from "@/lib/services/hosts/create-host";
import { updateHost } from "@/lib/services/hosts/update-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { networkSchema } from "@/lib/schemas/network";
import { hostSchema } from "@/lib/schemas/host";

// The capture (database triggers) and recording (recordChanges) core, on a real database.

useTestDatabase();

const editor: Actor = { kind: "user", id: 1, name: "Edith", role: "editor" };
const records = (objectType: string, objectId: number) =>
  getDb().changeLog.findMany({ where: { objectType, objectId }, orderBy: { id: "asc" } });

describe("recording changes", () => {
  it("records create, update and delete once each, with snapshots in the API's names, and nothing for an update that changes nothing", async () => {
    const net = await createNetwork(editor, networkSchema.parse({ network: "10.60.0.0", cidr: 24, name: "Lab" }));
    const host = await withChangeContext({ source: "ui", requestId: "00000000-0000-4000-8000-000000000001", message: "new web server" }, () =>
      createHost(editor, hostSchema.parse({ ip_address: "10.60.0.5", hostname: "web1" })));
    await updateHost(editor, host.id, { patch: { description: "front end" } });
    await updateHost(editor, host.id, { patch: { description: "front end" } });
    await deleteHost(editor, host.id);

    const rows = await records("host", host.id);
    expect(rows.map((r) => r.action)).toEqual(["create", "update", "delete"]);
    const [created, updated, deleted] = rows;
    expect(created).toMatchObject({ actorKind: "user", actorId: 1, actorName: "Edith", source: "ui", message: "new web server", objectRepr: "10.60.0.5 web1", before: null });
    expect(created.requestId).toBe("00000000-0000-4000-8000-000000000001");
    expect(JSON.parse(created.after!)).toMatchObject({ id: host.id, ip_address: "10.60.0.5", hostname: "web1", network_id: net.id });
    expect(JSON.parse(updated.before!).description).toBeNull();
    expect(JSON.parse(updated.after!).description).toBe("front end");
    expect(deleted.after).toBeNull();
    expect(JSON.parse(deleted.before!).description).toBe("front end");
    expect(await getDb().changeCapture.count()).toBe(0);

    const netRows = await records("network", net.id);
    expect(netRows.map((r) => r.action)).toEqual(["create"]);
    expect(JSON.parse(netRows[0].after!)).toMatchObject({ prefix: "10.60.0.0/24", name: "Lab" });
  });

  it("a rejected write records nothing", async () => {
    const before = await getDb().changeLog.count();
    await expect(createHost(editor, hostSchema.parse({ ip_address: "10.60.0.0", hostname: "bad" }))).rejects.toThrow();
    expect(await getDb().changeLog.count()).toBe(before);
    expect(await getDb().changeCapture.count()).toBe(0);
  });
});
