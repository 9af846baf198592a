import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { hostSchema } from "@/lib/schemas/host";
import { hostListQuery, networkListQuery } from "@/lib/schemas/list";
import { networkSchema } from "@/lib/schemas/network";
import { userListQuery } from "@/lib/schemas/user";
import { createHost } from "@/lib/services/hosts/create-host";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { createNetwork } from "@/lib/services/networks/create-network";
import { listNetworks } from "@/lib/services/networks/list-networks";
import { listUsers } from "@/lib/services/users/list-users";
import { useTestDatabase } from "@/tests/db";

useTestDatabase();
const admin: Actor = { kind: "token", id: 1, name: "t", role: "admin" };

describe("a page number past the end", () => {
  it("is the last page, in the rows and in page/pages, for every paged list", async () => {
    await createNetwork(admin, networkSchema.parse({ network: "10.61.0.0/24" }));
    for (const n of [1, 2, 3, 4, 5]) await createHost(admin, hostSchema.parse({ ip_address: `10.61.0.${n}` }));

    const hosts = await listHosts(admin, hostListQuery.parse({ page: "999", per_page: "2", q: "10.61.0." }));
    expect(hosts).toMatchObject({ total: 5, page: 3, pages: 3, per_page: 2 });
    expect(hosts.items.map((h) => h.ip_address)).toEqual(["10.61.0.5"]);

    // Within range nothing changes.
    const second = await listHosts(admin, hostListQuery.parse({ page: "2", per_page: "2", q: "10.61.0." }));
    expect(second).toMatchObject({ page: 2, pages: 3 });
    expect(second.items.map((h) => h.ip_address)).toEqual(["10.61.0.3", "10.61.0.4"]);

    const networks = await listNetworks(admin, networkListQuery.parse({ page: "50" }));
    expect(networks).toMatchObject({ total: 1, page: 1, pages: 1 });
    expect(networks.items).toHaveLength(1);

    // An empty list stays on page 1 (there is no page 0).
    const none = await listHosts(admin, hostListQuery.parse({ page: "7", q: "no-such-host" }));
    expect(none).toMatchObject({ total: 0, page: 1, pages: 0, items: [] });

    const users = await listUsers(admin, userListQuery.parse({ page: "9" }));
    expect(users.page).toBe(Math.max(1, users.pages));
  });
});
