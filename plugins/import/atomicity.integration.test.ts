import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase, useTestDatabase } from "@/tests/db";
import { admin } from "@/plugins/testing/actors";
import { importText } from "@/plugins/testing/plugin-calls";

// An import is one transaction: one bad row anywhere and nothing is written.

useTestDatabase();
beforeEach(resetDatabase);

function hostsCsv(n: number, bad: (i: number) => string | null = () => null): string {
  const lines = ["ip_address,hostname,mac_address,status"];
  for (let i = 0; i < n; i++) {
    const mac = `52:54:00:01:${((i >> 8) & 255).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}`;
    lines.push(bad(i) ?? `10.20.${i >> 8}.${i & 255},h${i},${mac},active`);
  }
  return `${lines.join("\n")}\n`;
}

describe("atomicity", () => {
  it("10,000 rows with one invalid row in the middle: 422 naming its line, nothing written", async () => {
    const csv = hostsCsv(10_000, (i) => (i === 5000 ? "10.20.19.136,bad_name!,,active" : null));
    const error = await importText(admin, "csv", csv).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "validation_error", details: { rows: [{ row: 5002, field: "hostname" }], error_count: 1 } });
    expect(await getDb().host.count()).toBe(0);
  });

  it("10,000 rows with one conflict in the middle (a MAC used twice): nothing written", async () => {
    const csv = hostsCsv(10_000, (i) => (i === 6000 ? "10.20.23.112,dup,52:54:00:01:00:05,active" : null));
    const error = await importText(admin, "csv", csv).catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { rows: [{ row: 6002, field: "mac_address", message: "MAC 52:54:00:01:00:05 is also on row 7" }] } });
    expect(await getDb().host.count()).toBe(0);
  });

  it("the same file with on_conflict=skip writes every other row and reports the bad one", async () => {
    const csv = hostsCsv(10_000, (i) => (i === 5000 ? "10.20.19.136,bad_name!,,active" : null));
    const report = await importText(admin, "csv", csv, { onConflict: "skip" });
    expect(report).toMatchObject({ created: 9999, updated: 0, skipped: 1, errors: [{ row: 5002, field: "hostname" }] });
    expect(await getDb().host.count()).toBe(9999);
  });

  it("a dry run of a valid 10,000-row file reports what would happen and writes nothing", async () => {
    expect(await importText(admin, "csv", hostsCsv(10_000), { dryRun: true })).toEqual({ created: 10_000, updated: 0, skipped: 0, errors: [] });
    expect(await getDb().host.count()).toBe(0);
  });
});
