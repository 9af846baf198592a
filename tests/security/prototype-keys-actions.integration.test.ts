import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { setRequest } from "@/tests/auth/request-scope";
import { signInAs } from "@/tests/auth/session";
import { getDb } from "@/lib/db/client";

// Issue 11 A.5 for server actions: a prototype-member key is an unknown field
// (validation_error naming it), and the result stays a plain object, which
// React requires to send it back to the browser.

// Signed in as an editor through a real session; only Next's request scope is stood in for.
vi.mock("next/headers", () => import("@/tests/auth/request-scope"));

const { createHostAction, updateHostAction } = await import("@/app/(app)/hosts/actions");
const { createNetworkAction } = await import("@/app/(app)/networks/actions");

useTestDatabase();
let hostId: number;
beforeAll(async () => {
  const now = new Date();
  const editor = await getDb().user.create({ data: { email: "editor@example.test", passwordHash: "x", role: "editor", createdAt: now, updatedAt: now } });
  setRequest({ cookie: (await signInAs(editor.id)).cookie });
  const made = await createHostAction({ ip_address: "10.0.0.10" });
  if (!made.ok) throw new Error(made.message);
  hostId = made.data.id;
});

describe.each(["toString", "constructor", "__proto__", "valueOf", "hasOwnProperty"])("server actions with key %s", (key) => {
  // JSON.parse makes the key an own property, as the action's decoded arguments have it.
  const withKey = (json: string) => JSON.parse(`${json.slice(0, -1)},${JSON.stringify(key)}:1}`);
  it("are refused as an unknown field, with plain-object errors, and write nothing", async () => {
    const before = await getDb().host.count();
    for (const result of [
      await createHostAction(withKey('{"ip_address":"10.0.0.150"}')),
      await updateHostAction(hostId, withKey('{"hostname":"changed"}')),
      await createNetworkAction(withKey('{"network":"10.9.0.0/24"}')),
    ]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.code).toBe("validation_error");
      expect(Object.keys(result.fieldErrors ?? {})).toContain(key);
      expect(Object.getPrototypeOf(result.fieldErrors)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(result.details)).toBe(Object.prototype);
    }
    expect(await getDb().host.count()).toBe(before);
    expect((await getDb().host.findUniqueOrThrow({ where: { id: hostId } })).hostname).toBeNull();
    expect(await getDb().network.count()).toBe(0);
  });
});
