import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDatabase } from "@/tests/db";
import { admin } from "@/plugins/testing/actors";
import { exportText, importText } from "@/plugins/testing/plugin-calls";
import { seedSample } from "@/plugins/testing/seed";
import { normalizedExport, type Json } from "@/plugins/testing/normalized-export";

// Export, import into an empty database, export again: identical apart from
// ids and timestamps (and the ids that point at other rows: network_id and
// parent_id are compared as the prefixes they name).

useTestDatabase();
beforeEach(async () => {
  await resetDatabase();
  await seedSample();
});



describe("round trips", () => {
  it("JSON: networks and hosts come back identical", async () => {
    const networks = await exportText(admin, "json", { type: "networks" });
    const hosts = await exportText(admin, "json", { type: "hosts" });
    await resetDatabase();
    expect(await importText(admin, "json", networks)).toEqual({ created: 3, updated: 0, skipped: 0, errors: [] });
    expect(await importText(admin, "json", hosts)).toEqual({ created: 6, updated: 0, skipped: 0, errors: [] });
    const again = normalizedExport(await exportText(admin, "json", { type: "networks" }), await exportText(admin, "json", { type: "hosts" }));
    expect(again).toEqual(normalizedExport(networks, hosts));
    expect(again.hosts.find((h) => h.ip_address === "10.1.2.11")).toMatchObject({ last_seen: "2026-01-02T03:04:05.000Z", discovery_source: "nmap" });
  });

  it("JSON: an empty export (no hosts yet) imports back as nothing, not as an error", async () => {
    await resetDatabase();
    const hosts = await exportText(admin, "json", { type: "hosts" });
    expect(JSON.parse(hosts)).toEqual([]);
    expect(await importText(admin, "json", hosts)).toEqual({ created: 0, updated: 0, skipped: 0, errors: [] });
  });
  it("CSV: byte for byte, formula-looking cells neutralized on the way out and restored on the way in", async () => {
    const networks = await exportText(admin, "csv", { type: "networks" });
    const hosts = await exportText(admin, "csv", { type: "hosts" });
    expect(networks).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(hosts).toContain("'-rf @home");
    await resetDatabase();
    await importText(admin, "csv", networks);
    await importText(admin, "csv", hosts);
    expect(await exportText(admin, "csv", { type: "networks" })).toBe(networks);
    expect(await exportText(admin, "csv", { type: "hosts" })).toBe(hosts);
    const json = JSON.parse(await exportText(admin, "json", { type: "hosts" })) as Json[];
    expect(json.find((h) => h.ip_address === "10.1.2.11")?.description).toBe("-rf @home");
  });

  it("the dnsmasq file is the same after a round trip", async () => {
    const before = await exportText(admin, "dnsmasq");
    const [networks, hosts] = [await exportText(admin, "json", { type: "networks" }), await exportText(admin, "json", { type: "hosts" })];
    await resetDatabase();
    await importText(admin, "json", networks);
    await importText(admin, "json", hosts);
    const withoutTime = (t: string) => t.replace(/^# Generated: .*$/m, "");
    expect(withoutTime(await exportText(admin, "dnsmasq"))).toBe(withoutTime(before));
  });
});
