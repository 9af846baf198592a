import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLine, neutralizeCell, restoreCell } from "@/plugins/csv/cells";
import { readCsvRecords as readCsv, readCsvYielding, type CsvRecord } from "@/plugins/csv/read-csv";

describe("formula neutralization", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"], ["+1", "'+1"], ["-2", "'-2"], ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"], ["\rx", "'\rx"], ["'=x", "''=x"], ["web", "web"], ["'quoted'", "'quoted'"], ["", ""], ["a=b", "a=b"],
  ])("%j is written as %j and read back", (value, written) => {
    expect(neutralizeCell(value)).toBe(written);
    expect(restoreCell(written)).toBe(value);
  });

  it("any value survives write + read, and no written cell starts a formula", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "a", ",", '"', "\n") }), (value) => {
      const written = neutralizeCell(value);
      expect(written).not.toMatch(/^[=+\-@\t\r]/);
      expect(restoreCell(written)).toBe(value);
    }));
  });
});

describe("CSV writer and reader", () => {
  it("round-trips rows with commas, quotes, line breaks and formulas", () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "=", " ", "é") }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
      const text = csvLine(["a", "b"]) + rows.map((r) => csvLine(r)).join("");
      const parsed = readCsv(text);
      expect(parsed.header).toEqual(["a", "b"]);
      expect(parsed.records.map((r) => r.cells.map(restoreCell))).toEqual(rows);
    }));
  });

  it("numbers records by the file line they start on, header = line 1, across quoted line breaks and blank lines", () => {
    const { header, records } = readCsv('\uFEFFip_address,description\r\n10.0.0.1,"two\r\nlines"\r\n\r\n10.0.0.2,x\r\n10.0.0.3,"a\nb\nc"\n10.0.0.4,');
    expect(header).toEqual(["ip_address", "description"]);
    expect(records.map((r) => [r.line, r.cells[0]])).toEqual([[2, "10.0.0.1"], [5, "10.0.0.2"], [6, "10.0.0.3"], [9, "10.0.0.4"]]);
  });

  it("reports malformed quoting with its line", () => {
    expect(readCsv('a,b\n1,2\n3,"open\n').problems).toEqual([{ line: 3, message: "Quoted field unterminated" }]);
  });
});

describe("CSV reader that yields to the event loop", () => {
  async function readYielding(text: string, every: number) {
    const records: CsvRecord[] = [];
    const summary = await readCsvYielding(text, { onHeader: () => {}, onRecord: (r) => records.push(r) }, every);
    return { ...summary, records };
  }

  it("reads what readCsv reads (cells, line numbers, problems), pausing every 1 or 2 records", async () => {
    const row = fc.array(fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r\n", " ") }), { minLength: 2, maxLength: 2 });
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(row.map((r) => csvLine(r)), fc.constantFrom("\n", "\r\n", '1,"open\n')), { maxLength: 8 }), fc.constantFrom(1, 2), async (lines, every) => {
      const text = csvLine(["a", "b"]) + lines.join("");
      expect(await readYielding(text, every)).toEqual(readCsv(text));
    }));
  });

  it("gives other callbacks a turn while it reads", async () => {
    const text = csvLine(["a", "b"]) + Array.from({ length: 100 }, (_, i) => csvLine([`${i}`, "x"])).join("");
    // Queued before the read starts: it runs at the read's first pause, not after the whole file.
    let otherRan = false;
    setImmediate(() => (otherRan = true));
    const seen: boolean[] = [];
    await readCsvYielding(text, { onHeader: () => {}, onRecord: () => seen.push(otherRan) }, 10);
    expect(seen.indexOf(true)).toBe(9);
  });

  it("rejects with what a handler throws, and reads no further", async () => {
    const seen: number[] = [];
    const reading = readCsvYielding("a\n1\n2\n3\n4\n", { onHeader: () => {}, onRecord: (r) => {
      seen.push(r.line);
      if (r.line === 4) throw new Error("bad row");
    } }, 1);
    await expect(reading).rejects.toThrow("bad row");
    expect(seen).toEqual([2, 3, 4]);
  });
});
