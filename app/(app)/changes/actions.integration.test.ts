import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { inRequest } from "@/tests/auth/request-scope";
import { makeActionCallers, type ActionCaller, type ActionCallerName } from "@/tests/authorization/action-callers";
import { getDb } from "@/lib/db/client";

// The forms' side of the change log: a form's save is recorded as source
// "ui" under the request's X-Request-ID, with the form's change_message; a
// Revert button undoes it (recorded too) or says why it cannot.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));

useTestDatabase();
const { createHostAction, updateHostAction } = await import("@/app/(app)/hosts/actions");
const { createNetworkAction, updateNetworkAction } = await import("@/app/(app)/networks/actions");
const { revertChangeAction, revertRequestAction } = await import("@/app/(app)/changes/actions");
let callers: Record<ActionCallerName, ActionCaller>;

beforeAll(async () => {
  callers = await makeActionCallers();
});

const REQUEST_ID = "3f2a9c1e-7b4d-4c1a-9e2f-0a1b2c3d4e5f";
const asEditor = <T>(fn: () => Promise<T>, requestId?: string) =>
  inRequest({ cookie: callers.editor.cookie, headers: requestId ? { "x-request-id": requestId } : {} }, fn);
const recordsOf = (objectType: string, objectId: number) =>
  getDb().changeLog.findMany({ where: { objectType, objectId }, orderBy: { id: "asc" } });

function ok<T>(result: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe("form saves in the change log", () => {
  it("an edit is recorded as ui, under the request's id, with the form's change message", async () => {
    const host = ok(await asEditor(() => createHostAction({ ip_address: "198.51.100.7", hostname: "before" })));
    ok(await asEditor(() => updateHostAction(host.id, { hostname: "after", change_message: "  renamed for the new rack " }), REQUEST_ID));
    const [created, updated] = await recordsOf("host", host.id);
    expect(created).toMatchObject({ action: "create", source: "ui", actorName: "action-editor@example.test", message: null });
    expect(created.requestId).not.toBe(REQUEST_ID);
    expect(updated).toMatchObject({ action: "update", source: "ui", requestId: REQUEST_ID, message: "renamed for the new rack" });
    expect(JSON.parse(updated.after!)).toMatchObject({ hostname: "after" });
  });

  it("a network edit carries its message too; an empty message is none", async () => {
    const network = ok(await asEditor(() => createNetworkAction({ network: "198.51.101.0/24", change_message: "" })));
    ok(await asEditor(() => updateNetworkAction(network.id, { name: "lab", change_message: "for the lab" })));
    const [created, updated] = await recordsOf("network", network.id);
    expect(created.message).toBeNull();
    expect(updated).toMatchObject({ action: "update", source: "ui", message: "for the lab" });
  });

  it("a bad change message is a field error and nothing is written", async () => {
    const host = ok(await asEditor(() => createHostAction({ ip_address: "198.51.100.8", hostname: "kept" })));
    const result = await asEditor(() => updateHostAction(host.id, { hostname: "lost", change_message: "x".repeat(501) }));
    expect(result).toMatchObject({ ok: false, code: "validation_error", fieldErrors: { change_message: [expect.any(String)] } });
    expect((await getDb().host.findUniqueOrThrow({ where: { id: host.id } })).hostname).toBe("kept");
    expect(await recordsOf("host", host.id)).toHaveLength(1);
  });
});

describe("Revert buttons", () => {
  it("reverting an edit sets the host back and records the revert with its message", async () => {
    const host = ok(await asEditor(() => createHostAction({ ip_address: "198.51.100.9", hostname: "original" })));
    ok(await asEditor(() => updateHostAction(host.id, { hostname: "edited" })));
    const edit = (await recordsOf("host", host.id)).at(-1)!;
    const reverted = ok(await asEditor(() => revertChangeAction(edit.id, { change_message: "undo the typo" }), REQUEST_ID.replace("3f2", "4f2")));
    expect(reverted).toEqual({ reverted: 1, request_id: REQUEST_ID.replace("3f2", "4f2") });
    expect((await getDb().host.findUniqueOrThrow({ where: { id: host.id } })).hostname).toBe("original");
    const revert = (await recordsOf("host", host.id)).at(-1)!;
    expect(revert).toMatchObject({ action: "update", source: "ui", message: "undo the typo", requestId: reverted.request_id });
  });

  it("a revert blocked by a later change says why and changes nothing", async () => {
    const host = ok(await asEditor(() => createHostAction({ ip_address: "198.51.100.10", hostname: "one" })));
    ok(await asEditor(() => updateHostAction(host.id, { hostname: "two" })));
    ok(await asEditor(() => updateHostAction(host.id, { hostname: "three" })));
    const [, second] = await recordsOf("host", host.id);
    const refused = await asEditor(() => revertChangeAction(second.id, {}));
    expect(refused).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/changed since/) });
    expect((await getDb().host.findUniqueOrThrow({ where: { id: host.id } })).hostname).toBe("three");
    expect(await recordsOf("host", host.id)).toHaveLength(3);
  });

  it("a whole request is reverted at once; a bad request id is a validation error", async () => {
    const network = ok(await asEditor(() => createNetworkAction({ network: "198.51.102.0/24" }), REQUEST_ID.replace("3f2", "5f2")));
    ok(await asEditor(() => revertRequestAction({ request_id: REQUEST_ID.replace("3f2", "5f2"), change_message: "not needed" })));
    expect(await getDb().network.count({ where: { id: network.id } })).toBe(0);
    expect(await asEditor(() => revertRequestAction({ request_id: "not-a-uuid" }))).toMatchObject({ ok: false, code: "validation_error" });
  });
});
