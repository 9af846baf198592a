import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { resetDatabase, useTestDatabase } from "@/tests/db";
import { admin } from "@/plugins/testing/actors";
import { exportBytes, exportText, importText } from "@/plugins/testing/plugin-calls";

// XLSX import and export on a real database, with workbooks made and read by
// exceljs the way a spreadsheet program saves them (formulas with cached
// values, rich text, dates, numbers).

useTestDatabase();
beforeEach(resetDatabase);

async function workbook(rows: unknown[][], sheetName = "Hosts"): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const failure = (promise: Promise<unknown>) =>
  promise.then(() => { throw new Error("expected the import to fail"); }, (e: unknown) => e as { code: string; message: string; details: any });

async function readBack(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets[0];
}

describe("XLSX import", () => {
  beforeEach(async () => {
    await createNetwork(admin, networkSchema.parse({ network: "10.70.0.0/24", domain: "lab.example" }));
  });

  it("reads the first sheet as Excel shows it: formulas as cached values (never run), rich text, numbers; errors name Excel's row and column", async () => {
    const file = await workbook([
      [],
      ["ip_address", "hostname", "description", "status"],
      ["10.70.0.10", { formula: 'LOWER("WEB1")', result: "web1" }, { richText: [{ text: "front " }, { text: "end", font: { bold: true } }] }, "active"],
      ["10.70.0.11", "db1", "=HYPERLINK(\"http://evil\")", null],
      ["10.70.0.300", "bad", null, null],
      ["10.70.0.12", { formula: "A1+1" }, null, null],
      ["10.70.0.13", { error: "#N/A" }, null, null],
    ]);
    const e = await failure(importText(admin, "xlsx", file));
    expect(e.code).toBe("validation_error");
    expect(e.details.rows).toEqual([
      { row: 5, field: "ip_address", message: expect.stringContaining("10.70.0.300") },
      { row: 6, field: "B", message: expect.stringContaining("formula without a calculated value") },
      { row: 7, field: "B", message: "The cell holds the Excel error #N/A" },
    ].sort((a, b) => a.row - b.row));
    expect(await getDb().host.count()).toBe(0);

    const good = await workbook([
      ["ip_address", "hostname", "description", "status"],
      ["10.70.0.10", { formula: 'LOWER("WEB1")', result: "web1" }, { richText: [{ text: "front " }, { text: "end" }] }, "active"],
      ["10.70.0.11", "db1", "=HYPERLINK(\"http://evil\")", null],
    ]);
    expect(await importText(admin, "xlsx", good)).toEqual({ created: 2, updated: 0, skipped: 0, errors: [] });
    const hosts = await getDb().host.findMany({ orderBy: { ipKey: "asc" } });
    expect(hosts.map((h) => [h.ipAddress, h.hostname, h.description, h.status])).toEqual([
      ["10.70.0.10", "web1", "front end", "active"],
      ["10.70.0.11", "db1", "=HYPERLINK(\"http://evil\")", "active"],
    ]);
  });

  it("networks too, with numbers as numbers", async () => {
    const file = await workbook([["network", "cidr", "name", "vlan_id"], ["10.71.0.0", 24, "Office", 42]], "Networks");
    expect(await importText(admin, "xlsx", file)).toMatchObject({ created: 1 });
    expect(await getDb().network.findFirst({ where: { network: "10.71.0.0" } })).toMatchObject({ cidr: 24, name: "Office", vlanId: 42 });
  });

  it("refuses what is not a workbook, an empty sheet and a bad header with a 4xx, writing nothing", async () => {
    expect((await failure(importText(admin, "xlsx", Buffer.from("ip_address\n10.70.0.5\n")))).message).toMatch(/not a zip archive/);
    expect((await failure(importText(admin, "xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).message).toMatch(/not a readable \.xlsx/);
    expect((await failure(importText(admin, "xlsx", await workbook([])))).message).toMatch(/empty/);
    const badHeader = await failure(importText(admin, "xlsx", await workbook([["ip_address", "colour"], ["10.70.0.5", "red"]])));
    expect(badHeader.details.rows).toEqual([{ row: 1, field: "colour", message: expect.stringContaining("Unknown column") }]);
    expect(await getDb().host.count()).toBe(0);
  });
});

describe("XLSX export", () => {
  it("has the CSV export's columns; text that looks like a formula stays text; the file imports back unchanged", async () => {
    await createNetwork(admin, networkSchema.parse({ network: "10.72.0.0/24" }));
    await createHost(admin, hostSchema.parse({ ip_address: "10.72.0.5", hostname: "web", description: "=cmd|' /C calc'!A0", mac_address: "52:54:00:aa:00:05" }));
    await createHost(admin, hostSchema.parse({ ip_address: "10.72.0.6", description: "+1 -2 @sum" }));
    const bytes = await exportBytes(admin, "xlsx", { type: "hosts" });
    const sheet = await readBack(bytes);
    const csvHeader = (await exportText(admin, "csv", { type: "hosts" })).split("\r\n")[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(",")).toBe(csvHeader);
    const description = sheet.getRow(2).getCell(5);
    expect(description.type).toBe(ExcelJS.ValueType.String);
    expect(description.value).toBe("=cmd|' /C calc'!A0");
    expect(sheet.getRow(3).getCell(5).value).toBe("+1 -2 @sum");

    const before = await getDb().host.findMany({ orderBy: { id: "asc" }, select: { ipAddress: true, hostname: true, description: true, macAddress: true, status: true } });
    await resetDatabase();
    await createNetwork(admin, networkSchema.parse({ network: "10.72.0.0/24" }));
    expect(await importText(admin, "xlsx", bytes)).toMatchObject({ created: 2, errors: [] });
    expect(await getDb().host.findMany({ orderBy: { id: "asc" }, select: { ipAddress: true, hostname: true, description: true, macAddress: true, status: true } })).toEqual(before);
  });

  it("any description survives export and import (fast-check)", async () => {
    await createNetwork(admin, networkSchema.parse({ network: "10.73.0.0/24" }));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }), async (text) => {
        const parsed = hostSchema.safeParse({ ip_address: "10.73.0.9", description: text });
        if (!parsed.success || parsed.data.description === null) return;
        await getDb().host.deleteMany({});
        await createHost(admin, parsed.data);
        const bytes = await exportBytes(admin, "xlsx", { type: "hosts" });
        await getDb().host.deleteMany({});
        await importText(admin, "xlsx", bytes);
        expect((await getDb().host.findFirstOrThrow()).description).toBe(parsed.data.description);
      }),
      { numRuns: 25 },
    );
  });
});
