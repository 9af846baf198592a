import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readFirstSheet } from "@/plugins/xlsx/read-sheet";

// Whatever bytes arrive, the sheet reader ends in rows or a 4xx AppError,
// never another exception (a 500) or a hang.

async function readAll(bytes: Buffer) {
  const rows = [];
  for await (const row of readFirstSheet(bytes)) rows.push(row);
  return rows;
}

const refusedWith4xx = (error: unknown) => error instanceof AppError && error.status >= 400 && error.status < 500;

describe("readFirstSheet on hostile input", { timeout: 60_000 }, () => {
  it("random bytes, with and without a zip signature", async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 2000 }), async (zipLike, body) => {
        const bytes = Buffer.concat([zipLike ? Buffer.from([0x50, 0x4b, 0x03, 0x04]) : Buffer.alloc(0), Buffer.from(body)]);
        await readAll(bytes).then(() => undefined, (error: unknown) => expect(refusedWith4xx(error)).toBe(true));
      }),
      { numRuns: 200 },
    );
  });

  it("a real workbook cut short anywhere", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Hosts");
    sheet.addRow(["ip_address", "hostname"]);
    for (let i = 1; i < 50; i++) sheet.addRow([`10.0.0.${i}`, `h${i}`]);
    const whole = Buffer.from(await book.xlsx.writeBuffer());
    expect(await readAll(whole)).toHaveLength(50);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: whole.length - 1 }), async (cut) => {
        // Never a part of the rows: a cut file is refused (or, cut only after the sheet, read whole).
        await readAll(whole.subarray(0, cut)).then((rows) => expect(rows).toHaveLength(50), (error: unknown) => expect(refusedWith4xx(error)).toBe(true));
      }),
      { numRuns: 60 },
    );
  });
});
