import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resetDatabase, useTestDatabase } from "@/tests/db";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { admin } from "@/plugins/testing/actors";
import { exportText, importText } from "@/plugins/testing/plugin-calls";
import { normalizedExport, type Json } from "@/plugins/testing/normalized-export";

// Whatever the services accepted, the API's own JSON export re-imports into
// an empty database cleanly and comes back identical: the importer and the
// services judge by the same rules (checkHosts), on random networks (with
// domains, DHCP pools and children) and hosts whose names often collide.

useTestDatabase();

type Shape<A> = A extends fc.Arbitrary<infer T> ? T : never;

const DOMAINS = [null, "a.example", "b.example"];
const NAMES = ["web", "db", "mail", "www", "web.a.example"];
const ALIASES = ["portal", "api", "www", "db"];

const networkArb = fc.record({
  thirds: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 4 }),
  domains: fc.array(fc.constantFrom(...DOMAINS), { minLength: 4, maxLength: 4 }),
  pools: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  grandchild: fc.boolean(),
  outerDomain: fc.constantFrom(...DOMAINS),
});

const hostArb = fc.record({
  third: fc.integer({ min: 0, max: 16 }),
  fourth: fc.integer({ min: 0, max: 255 }),
  hostname: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
  cname: fc.option(fc.constantFrom(...ALIASES), { nil: undefined }),
  mac: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  allow_duplicate_name: fc.boolean(),
});


/** Writes through the services; a refused write (409/422) is simply not there. */
async function seed(net: Shape<typeof networkArb>, hosts: Array<Shape<typeof hostArb>>): Promise<number> {
  const refused = (e: unknown) => {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
  };
  await createNetwork(admin, networkSchema.parse({ network: "10.77.0.0/16", domain: net.outerDomain ?? "" }));
  for (const [i, third] of net.thirds.entries()) {
    const pool = net.pools[i] ? { dhcp_start: `10.77.${third}.200`, dhcp_end: `10.77.${third}.220` } : {};
    await createNetwork(admin, networkSchema.parse({ network: `10.77.${third}.0/24`, domain: net.domains[i] ?? "", gateway: `10.77.${third}.1`, ...pool }))
      .catch(refused);
  }
  if (net.grandchild) await createNetwork(admin, networkSchema.parse({ network: `10.77.${net.thirds[0]}.0/26` })).catch(refused);
  let written = 0;
  for (const h of hosts) {
    const input = {
      ip_address: `10.77.${h.third}.${h.fourth}`, hostname: h.hostname, cname: h.cname,
      mac_address: h.mac === undefined ? undefined : `52:54:00:00:00:0${h.mac}`, allow_duplicate_name: h.allow_duplicate_name,
    };
    const parsed = hostSchema.safeParse(input);
    if (!parsed.success) continue;
    await createHost(admin, parsed.data).then(() => written++, refused);
  }
  return written;
}

describe("export → import into an empty database", () => {
  it("re-imports cleanly and identically whatever the services accepted", async () => {
    await fc.assert(
      fc.asyncProperty(networkArb, fc.array(hostArb, { minLength: 1, maxLength: 25 }), async (net, hosts) => {
        await resetDatabase();
        const written = await seed(net, hosts);
        const networks = await exportText(admin, "json", { type: "networks" });
        const hostsJson = await exportText(admin, "json", { type: "hosts" });
        const names = await getDb().hostName.count();
        await resetDatabase();
        expect(await importText(admin, "json", networks)).toMatchObject({ errors: [] });
        expect(await importText(admin, "json", hostsJson)).toMatchObject({ created: written, errors: [] });
        const again = normalizedExport(await exportText(admin, "json", { type: "networks" }), await exportText(admin, "json", { type: "hosts" }));
        expect(again).toEqual(normalizedExport(networks, hostsJson));
        expect(await getDb().hostName.count()).toBe(names);
      }),
      { numRuns: 15 },
    );
  });
});
