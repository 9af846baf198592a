import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { allocateSchema, hostPatchSchema, hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { getHost } from "@/lib/services/hosts/get-host";
import { updateHost } from "@/lib/services/hosts/update-host";
import { allocateIp } from "@/lib/services/ip/allocate-ip";
import { createNetwork } from "@/lib/services/networks/create-network";
import { admin } from "@/plugins/testing/actors";

// Writes answer with the rows they wrote, taken from the writing statements
// (an update's row, a new host's id by RETURNING) rather than read back: the
// answer must be exactly what a later read gives, every field.

useTestDatabase();

describe("host writes answer with the stored rows", () => {
  it("create, bulk create, update and allocate answer what getHost then reads", async () => {
    const network = await createNetwork(admin, networkSchema.parse({ network: "10.60.0.0/24", domain: "lab.example" }));
    const one = await createHost(admin, hostSchema.parse({
      ip_address: "10.60.0.10", hostname: "web", cname: "www", mac_address: "02:00:00:00:00:10", description: "d",
      status: "reserved", last_seen: "2026-11-30T12:34:56.789Z", discovery_source: "scan",
    }));
    expect(one).toEqual(await getHost(admin, one.id));
    const many = await createHosts(admin, [hostSchema.parse({ ip_address: "10.60.0.20" }), hostSchema.parse({ ip_address: "10.60.0.21", hostname: "db", allow_duplicate_name: true })]);
    const updated = await updateHost(admin, one.id, { patch: hostPatchSchema.parse({ hostname: "web2", status: "active" }) });
    const allocated = await allocateIp(admin, network.id, allocateSchema.parse({ count: 2, hostname: "pool", allow_duplicate_name: true }));
    const single = await allocateIp(admin, network.id, allocateSchema.parse({ mac_address: "02:00:00:00:00:11" }));
    const answers = [updated, ...many, ...("items" in allocated ? allocated.items : []), single as Exclude<typeof single, { items: unknown }>];
    expect(answers).toHaveLength(6);
    for (const answer of answers) expect(answer).toEqual(await getHost(admin, answer.id));
    expect(one.last_seen).toBe("2026-11-30T12:34:56.789Z");
    expect(new Set(answers.map((a) => a.id)).size).toBe(6);
  });
});
