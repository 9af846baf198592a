import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { setRequest } from "@/tests/auth/request-scope";
import { ACTION_CALLERS, expectedRefusal, makeActionCallers, type ActionCaller, type ActionCallerName } from "@/tests/authorization/action-callers";
import { serverActions } from "@/tests/authorization/action-files";
import { databaseSnapshot } from "@/tests/authorization/db-snapshot";
import { ipamActionCases } from "@/tests/authorization/action-cases-ipam";
import { accessActionCases } from "@/tests/authorization/action-cases-access";
import { changesActionCases } from "@/tests/authorization/action-cases-changes";

// Server actions can be POSTed directly, so each must check the session and
// the role itself. Every export of every app/**/actions.ts (found on disk) ×
// anonymous, viewer, editor, admin and an expired session: an allowed write
// shows its effect; a refusal ("sign in" for no live session, "forbidden"
// below the role) and a read leave every table as it was.

// Each caller signs in through a real session; only Next's request scope is stood in for.
vi.mock("next/headers", () => import("@/tests/auth/request-scope"));

useTestDatabase();
const actions = await serverActions();
const { createNetworkAction, planSubnetsAction } = await import("@/app/(app)/networks/actions");
const { createHostAction } = await import("@/app/(app)/hosts/actions");
const cases = [...ipamActionCases, ...accessActionCases, ...changesActionCases];
let callers: Record<ActionCallerName, ActionCaller>;

beforeAll(async () => {
  callers = await makeActionCallers();
});

describe("coverage", () => {
  it("every exported server action has a case, and every case an action", () => {
    const covered = new Set(cases.map((c) => c.key));
    expect([...actions.keys()].filter((key) => !covered.has(key)), "actions without a case").toEqual([]);
    expect(cases.map((c) => c.key).filter((key) => !actions.has(key)), "cases without an action").toEqual([]);
  });
});

describe.each(cases.map((c) => ({ ...c, label: c.variant ? `${c.key} (${c.variant})` : c.key })))("$label", (c) => {
  it.each(ACTION_CALLERS)("as %s", async (name) => {
    const action = actions.get(c.key);
    if (!action) throw new Error(`no action ${c.key}`);
    const prepared = await c.prepare(callers[name]);
    const before = await databaseSnapshot();
    setRequest({ cookie: callers[name].cookie });
    const result = (await action(...prepared.args)) as { ok: boolean; code?: string; message?: string; data?: unknown };
    setRequest(null);
    const refusal = expectedRefusal(c, name);
    if (refusal === null) {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      if (prepared.effect) await prepared.effect(result.data);
      else expect(await databaseSnapshot(), "a read changed the database").toBe(before);
      return;
    }
    expect(result).toMatchObject({ ok: false, code: refusal });
    if (refusal === "unauthorized") expect(result.message).toMatch(/sign in/i);
    expect(await databaseSnapshot(), "a refused call changed the database").toBe(before);
  });
});

describe("results", () => {
  it("field errors come from the shared schema and from the service", async () => {
    setRequest({ cookie: callers.editor.cookie });
    const invalid = await createNetworkAction({ network: "10.60.0.5/24" });
    expect(invalid).toMatchObject({ ok: false, code: "validation_error", fieldErrors: { network: [expect.stringContaining("did you mean 10.60.0.0/24")] } });
    expect(await createHostAction({ ip_address: "10.60.0.9" })).toMatchObject({ ok: true });
    const duplicate = await createHostAction({ ip_address: "10.60.0.9" });
    expect(duplicate).toMatchObject({ ok: false, code: "conflict", fieldErrors: { ip_address: [expect.stringContaining("already used")] } });
  });

  it("the subnet planner lists each block with the hosts it takes in, or (its default) only the empty ones", async () => {
    setRequest({ cookie: callers.editor.cookie });
    const made = await createNetworkAction({ network: "10.61.0.0/24" });
    if (!made.ok) throw new Error(made.message);
    expect(await createHostAction({ ip_address: "10.61.0.9" })).toMatchObject({ ok: true });
    setRequest({ cookie: callers.viewer.cookie });
    expect(await planSubnetsAction(made.data.id, { cidr: 26, empty_only: false })).toMatchObject({
      ok: true,
      data: [{ prefix: "10.61.0.0/26", hosts: 1 }, { prefix: "10.61.0.64/26", hosts: 0 }, { prefix: "10.61.0.128/26", hosts: 0 }, { prefix: "10.61.0.192/26", hosts: 0 }],
    });
    expect(await planSubnetsAction(made.data.id, { cidr: 26, empty_only: true })).toMatchObject({
      ok: true,
      data: [{ prefix: "10.61.0.64/26", hosts: 0 }, { prefix: "10.61.0.128/26", hosts: 0 }, { prefix: "10.61.0.192/26", hosts: 0 }],
    });
  });
});

