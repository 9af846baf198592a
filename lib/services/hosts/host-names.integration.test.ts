import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { backfillHostNames, resyncHostNamesInRange, syncHostNames } from "@/lib/services/hosts/host-names";
import { sortKey, parseAddress } from "@/lib/ipam";
import { hostSchema } from "@/lib/schemas/host";
import { checkHosts } from "@/lib/services/hosts/check-hosts";
import { writeHosts } from "@/lib/services/hosts/write-hosts";

useTestDatabase();

async function rawHost(ip: string, fields: { hostname?: string; cname?: string; allowDuplicateName?: boolean; networkId?: number } = {}) {
  const a = parseAddress(ip);
  return getDb().host.create({ data: { ipAddress: ip, ipKey: sortKey(a), family: a.family, ...fields } });
}
const names = async (hostId: number) =>
  (await getDb().hostName.findMany({ where: { hostId }, orderBy: { id: "asc" } })).map((r) => [r.fqdn, r.kind, r.slot]);

describe("host_names", () => {
  it("syncs a host's names by FQDN with its network's domain", async () => {
    const net = await getDb().network.create({ data: { network: "10.1.0.0", cidr: 24, family: 4, startKey: sortKey(parseAddress("10.1.0.0")), endKey: sortKey(parseAddress("10.1.0.255")), domain: "a.example" } });
    const h = await rawHost("10.1.0.5", { hostname: "web", cname: "www,api.other.example", networkId: net.id });
    await getDb().$transaction((tx) => syncHostNames(tx, [h.id]));
    expect(await names(h.id)).toEqual([["web.a.example", "hostname", 0], ["www.a.example", "alias", 0], ["api.other.example", "alias", 0]]);
    await getDb().network.update({ where: { id: net.id }, data: { domain: "b.example" } });
    await getDb().$transaction((tx) => resyncHostNamesInRange(tx));
    expect(await names(h.id)).toEqual([["web.b.example", "hostname", 0], ["www.b.example", "alias", 0], ["api.other.example", "alias", 0]]);
  });

  it("the unique index refuses a second exclusive claim with a 409 naming the other host", async () => {
    const a = await rawHost("10.9.0.1", { hostname: "dup" });
    const b = await rawHost("10.9.0.2", { cname: "dup" });
    await getDb().$transaction((tx) => syncHostNames(tx, [a.id]));
    const error = await getDb().$transaction((tx) => syncHostNames(tx, [b.id])).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("conflict");
    expect(error.message).toContain(`host ${a.id}`);
    expect(await names(b.id)).toEqual([]);
  });

  it("round-robin hostnames share an FQDN, one slot each", async () => {
    const a = await rawHost("10.9.1.1", { hostname: "rr", allowDuplicateName: true });
    const b = await rawHost("10.9.1.2", { hostname: "rr", allowDuplicateName: true });
    await getDb().$transaction((tx) => syncHostNames(tx, [a.id, b.id]));
    expect(await names(b.id)).toEqual([["rr", "hostname", b.id]]);
  });

  it("backfill is idempotent and leaves a colliding legacy name without a row", async () => {
    const a = await rawHost("10.9.2.1", { hostname: "legacy" });
    const b = await rawHost("10.9.2.2", { hostname: "legacy" });
    await backfillHostNames();
    await backfillHostNames();
    expect(await names(a.id)).toEqual([["legacy", "hostname", 0]]);
    expect(await names(b.id)).toEqual([]);
  });

  it("two writers that both passed the checks cannot both claim a name: the second write is 409", async () => {
    // Both checks run before either write, as two racing processes would see it.
    const error = await getDb().$transaction(async (tx) => {
      const [a] = await checkHosts(tx, [{ data: hostSchema.parse({ ip_address: "10.9.3.1", hostname: "race" }), self: null }]);
      const [b] = await checkHosts(tx, [{ data: hostSchema.parse({ ip_address: "10.9.3.2", cname: "race" }), self: null }]);
      expect([a.errors, b.errors]).toEqual([[], []]);
      await writeHosts(tx, [a]);
      await writeHosts(tx, [b]);
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "conflict", message: expect.stringContaining('"race" already belongs to host') });
    expect(await getDb().host.count({ where: { ipAddress: { in: ["10.9.3.1", "10.9.3.2"] } } })).toBe(0);
  });
});
