import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { descriptionField } from "@/lib/schemas/fields";
import { csvLine, restoreCell } from "@/plugins/csv/cells";
import { readCsvRecords } from "@/plugins/csv/read-csv";
import { jsonArray } from "@/plugins/export/json-exporter";

// Property: whatever text a description may hold (several lines, tabs,
// quotes, formulas, the Unicode line separators a user may paste), the CSV
// and JSON exporters keep it inside its own record: the file has exactly the
// records it should, and reading it back gives the stored text unchanged.
// (The dnsmasq exporter writes no descriptions at all.)

const unit = fc.constantFrom("\n", "\r", "\r\n", "\t", "\u2028", "\u2029", "\u0085", "\u0000", "\u001b", ",", '"', "'", "=", "+", "-", "@", "#", " ", "a", "é", "名", "[", "]", "{", "}", "1", "0", ".");
const typed = fc.string({ unit, maxLength: 40 });
/** What a description can be once stored: the field's output. */
const stored = typed.map((t) => descriptionField.safeParse(t)).filter((r) => r.success && typeof r.data === "string").map((r) => r.data as string);

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out;
}

async function* batches<T>(items: T[]): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += 2) yield items.slice(i, i + 2);
}

describe("fuzz: descriptions cannot break an exported file", () => {
  it("the field stores only \\n and \\t as controls", () => {
    fc.assert(fc.property(typed, (t) => {
      const r = descriptionField.safeParse(t);
      if (r.success && r.data) expect(r.data).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    }), { numRuns: 500 });
  });

  it("CSV: one record per row, every description read back exactly", () => {
    fc.assert(fc.property(fc.array(stored, { minLength: 1, maxLength: 6 }), (descriptions) => {
      const file = csvLine(["ip_address", "description"]) + descriptions.map((d, i) => csvLine([`10.0.0.${i + 1}`, d])).join("");
      const read = readCsvRecords(file);
      expect(read.problems).toEqual([]);
      expect(read.records.map((r) => r.cells[0])).toEqual(descriptions.map((_, i) => `10.0.0.${i + 1}`));
      expect(read.records.map((r) => restoreCell(r.cells[1]))).toEqual(descriptions);
      // No physical line that is not inside a quoted cell starts anything but an address.
      const starts = file.split("\r\n").filter((l) => l !== "" && !l.startsWith("ip_address"));
      expect(starts.filter((l) => /^10\.0\.0\.\d+,/.test(l))).toHaveLength(descriptions.length);
    }), { numRuns: 300 });
  });

  it("an injection attempt stays inside its cell", () => {
    const d = descriptionField.parse("x\r\n10.0.0.99,evil\r\n=cmd");
    const read = readCsvRecords(csvLine(["ip_address", "description"]) + csvLine(["10.0.0.1", d]));
    expect(read.records).toHaveLength(1);
    expect(read.records[0].cells).toEqual(["10.0.0.1", "x\n10.0.0.99,evil\n=cmd"]);
  });

  it("JSON: one line per item, every description read back exactly", async () => {
    await fc.assert(fc.asyncProperty(fc.array(stored, { maxLength: 6 }), async (descriptions) => {
      const items = descriptions.map((description, i) => ({ ip_address: `10.0.0.${i + 1}`, description }));
      const file = await text(jsonArray(batches(items)));
      const lines = file.split("\n").filter(Boolean);
      expect(lines).toHaveLength(items.length + 2); // "[", one per item, "]"
      lines.slice(1, -1).forEach((line, i) => expect(JSON.parse(line.replace(/,$/, ""))).toEqual(items[i]));
      expect(JSON.parse(file)).toEqual(items);
    }), { numRuns: 300 });
  });
});
