import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { getDb } from "@/lib/db/client";

// Server actions can be POSTed directly, so each must check the role itself:
// a viewer's session gets "forbidden" and nothing is written.

let sessionEmail: string | null = null;
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (sessionEmail ? { user: { email: sessionEmail } } : null)),
}));

const { createNetworkAction, updateNetworkAction, deleteNetworkAction, allocateIpAction, planSubnetsAction } = await import("@/app/(app)/networks/actions");
const { createHostAction, bulkDeleteHostsAction, bulkHostStatusAction, deleteHostAction, updateHostAction } = await import("@/app/(app)/hosts/actions");

useTestDatabase();

beforeAll(async () => {
  const now = new Date();
  for (const role of ["viewer", "editor"]) {
    await getDb().user.create({ data: { email: `${role}@example.test`, passwordHash: "x", role, createdAt: now, updatedAt: now } });
  }
});

describe("server actions", () => {
  it("reject a viewer with forbidden and write nothing", async () => {
    sessionEmail = "editor@example.test";
    const made = await createNetworkAction({ network: "10.50.0.0/24" });
    expect(made.ok).toBe(true);
    const id = made.ok ? made.data.id : 0;
    const host = await createHostAction({ ip_address: "10.50.0.9", hostname: "h" });
    expect(host.ok).toBe(true);

    sessionEmail = "viewer@example.test";
    for (const result of [
      await createNetworkAction({ network: "10.51.0.0/24" }),
      await updateNetworkAction(id, { name: "changed" }),
      await deleteNetworkAction(id),
      await allocateIpAction(id, {}),
      await createHostAction({ ip_address: "10.50.0.10" }),
      await updateHostAction(host.ok ? host.data.id : 0, { hostname: "changed" }),
      await deleteHostAction(host.ok ? host.data.id : 0),
      await bulkDeleteHostsAction({ ids: [host.ok ? host.data.id : 0] }),
      await bulkHostStatusAction({ ids: [host.ok ? host.data.id : 0], status: "reserved" }),
    ]) {
      expect(result).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await getDb().network.count()).toBe(1);
    expect((await getDb().network.findMany()).map((n) => n.name)).toEqual([null]);
    expect((await getDb().host.findMany()).map((h) => [h.hostname, h.status])).toEqual([["h", "active"]]);
    // Reads stay open to viewers.
    expect(await planSubnetsAction(id, { cidr: 26, empty_only: false })).toMatchObject({
      ok: true,
      data: [{ prefix: "10.50.0.0/26", hosts: 1 }, { prefix: "10.50.0.64/26", hosts: 0 }, { prefix: "10.50.0.128/26", hosts: 0 }, { prefix: "10.50.0.192/26", hosts: 0 }],
    });
    // The planner's default: only blocks that take in no host.
    expect(await planSubnetsAction(id, { cidr: 26, empty_only: true })).toMatchObject({
      ok: true,
      data: [{ prefix: "10.50.0.64/26", hosts: 0 }, { prefix: "10.50.0.128/26", hosts: 0 }, { prefix: "10.50.0.192/26", hosts: 0 }],
    });

    sessionEmail = null;
    expect(await createNetworkAction({ network: "10.52.0.0/24" })).toMatchObject({ ok: false, code: "unauthorized" });
  });

  it("return field errors from the shared schema and from the service", async () => {
    sessionEmail = "editor@example.test";
    const invalid = await createNetworkAction({ network: "10.60.0.5/24" });
    expect(invalid).toMatchObject({ ok: false, code: "validation_error", fieldErrors: { network: [expect.stringContaining("did you mean 10.60.0.0/24")] } });
    const duplicate = await createHostAction({ ip_address: "10.50.0.9" });
    expect(duplicate).toMatchObject({ ok: false, code: "conflict", fieldErrors: { ip_address: [expect.stringContaining("already used")] } });
  });
});
