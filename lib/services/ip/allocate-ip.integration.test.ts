import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { getDb } from "@/lib/db/client";
import { allocateSchema, hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { allocateIp } from "@/lib/services/ip/allocate-ip";
import { createNetwork } from "@/lib/services/networks/create-network";
import { editor } from "@/plugins/testing/actors";

// allocate runs the same host rules as every other write (checkHosts), and
// refuses a network that takes no new hosts before searching it.

useTestDatabase();

const net = async (fields: Record<string, unknown>) => (await createNetwork(editor, networkSchema.parse(fields))).id;
const allocate = (id: number, body: Record<string, unknown>) => allocateIp(editor, id, allocateSchema.parse(body));

describe("allocateIp", () => {
  it("refuses a container (409 network_is_container) and a reserved network (409 network_not_allocatable)", async () => {
    const container = await net({ network: "10.60.0.0/16", status: "container" });
    await net({ network: "10.60.1.0/24" });
    await expect(allocate(container, {})).rejects.toMatchObject({ code: "network_is_container" });
    const reserved = await net({ network: "10.61.0.0/24", status: "reserved" });
    await expect(allocate(reserved, {})).rejects.toMatchObject({ code: "network_not_allocatable" });
  });

  it("one hostname for several addresses is a conflict unless they are round-robin", async () => {
    const id = await net({ network: "10.62.0.0/24", domain: "rr.example" });
    const before = await getDb().host.count();
    await expect(allocate(id, { hostname: "alloc-1", count: 2 })).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().host.count()).toBe(before);
    const made = await allocate(id, { hostname: "alloc-1", count: 2, allow_duplicate_name: true });
    const ids = "items" in made ? made.items.map((h) => h.id) : [];
    expect(ids).toHaveLength(2);
    const names = await getDb().hostName.findMany({ where: { hostId: { in: ids } }, orderBy: { hostId: "asc" } });
    expect(names.map((n) => [n.fqdn, n.slot])).toEqual(ids.map((hostId) => ["alloc-1.rr.example", hostId]));
    // An exclusive claim of a round-robin name is refused.
    await expect(allocate(id, { hostname: "alloc-1" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a hostname equal to another host's alias in the same domain is refused, in another domain it is fine", async () => {
    const a = await net({ network: "10.63.0.0/24", domain: "a.example" });
    const b = await net({ network: "10.64.0.0/24", domain: "b.example" });
    await createHost(editor, hostSchema.parse({ ip_address: "10.63.0.10", hostname: "web", cname: "portal" }));
    const clash = await allocate(a, { hostname: "portal" }).catch((e) => e);
    expect(clash).toMatchObject({ code: "conflict", details: { hostname: [expect.stringContaining("portal.a.example")] } });
    expect(await allocate(b, { hostname: "portal" })).toMatchObject({ hostname: "portal" });
  });
});
