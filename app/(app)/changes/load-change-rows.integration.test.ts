import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { changeListQuery } from "@/lib/schemas/change";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { createHost } from "@/lib/services/hosts/create-host";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { updateHost } from "@/lib/services/hosts/update-host";
import { hostSchema } from "@/lib/schemas/host";
import { loadChangeRows } from "./load-change-rows";

// The /changes table's rows: a request of many records is one row, a
// request of one record is that record, and a record whose object has been
// deleted says so (the page then shows it without a link).

useTestDatabase();
const editor: Actor = { kind: "user", id: 1, name: "rows editor", role: "editor" };
const host = (ip: string, hostname?: string) => hostSchema.parse({ ip_address: ip, hostname });
const rows = (params: Record<string, string>) => loadChangeRows(editor, changeListQuery.parse({ actor: "rows editor", ...params }));

describe("the /changes rows", () => {
  it("a bulk request is one group row, a single write its record, newest first; a deleted object is marked gone", async () => {
    await withChangeContext({ source: "api" }, () => createHosts(editor, [host("192.0.2.1"), host("192.0.2.2"), host("192.0.2.3")]));
    const kept = await createHost(editor, host("192.0.2.10", "kept"));
    const dropped = await createHost(editor, host("192.0.2.11", "dropped"));
    await updateHost(editor, kept.id, { patch: { hostname: "kept2" } });
    await deleteHost(editor, dropped.id);

    const page = await rows({});
    expect(page.items.map((r) => (r.kind === "group" ? `group ${r.group.count}` : `${r.change.action} ${r.change.object_repr}${r.gone ? " gone" : ""}`))).toEqual([
      "delete 192.0.2.11 dropped gone",
      "update 192.0.2.10 kept2",
      "create 192.0.2.11 dropped gone",
      "create 192.0.2.10 kept",
      "group 3",
    ]);
    expect(page).toMatchObject({ total: 5, total_exact: true, page: 1 });

    // The group opens as its records; an object's history lists its records.
    const group = page.items[4];
    if (group.kind !== "group") throw new Error("expected a group row");
    const opened = await rows({ request_id: group.group.request_id });
    expect(opened.items.map((r) => r.kind === "record" && r.change.object_repr)).toEqual(["192.0.2.3", "192.0.2.2", "192.0.2.1"]);
    const history = await rows({ object_type: "host", object_id: String(kept.id) });
    expect(history.items.map((r) => r.kind === "record" && [r.change.action, r.gone])).toEqual([["update", false], ["create", false]]);
  });
});
