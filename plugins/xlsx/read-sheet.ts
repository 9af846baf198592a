import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";

// The first worksheet of an .xlsx file, row by row, each cell as the text a
// user sees in Excel: a formula as its cached result (never evaluated; one
// without a cached result is an error), rich text as its plain text, a
// hyperlink as its text, a date as ISO 8601. Rows are Excel's row numbers.
// The workbook is read as a stream (exceljs' WorkbookReader, the sheet's XML
// parsed as it inflates), so memory follows the rows kept, not the file.

/** A .xlsx is a zip: 50 MB of it can inflate to far more rows than any network holds. */
export const MAX_SHEET_ROWS = 1_000_000;

export interface SheetRow {
  row: number;
  cells: string[];
  /** Cells that cannot be read as a value (an Excel error, a formula never calculated): the row is refused. */
  problems: Array<{ column: number; message: string }>;
}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue): { text: string } | { problem: string } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "" };
  if (typeof value === "boolean") return { text: value ? "true" : "false" };
  if (value instanceof Date) return { text: value.toISOString() };
  if ("error" in value) return { problem: `The cell holds the Excel error ${value.error}` };
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join("") };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: CellValue }).result;
    if (result === undefined) return { problem: "A formula without a calculated value (open and save the file in a spreadsheet first)" };
    return cellText(result as CellValue);
  }
  if ("hyperlink" in value) return { text: String((value as { text?: unknown }).text ?? value.hyperlink) };
  return { problem: "A cell of a kind this importer cannot read" };
}

/** Excel's column letters for a 1-based column number: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function notAWorkbook(detail: string): AppError {
  return new AppError("validation_error", `The file is not a readable .xlsx workbook: ${detail}`, { rows: [{ row: 1, field: "_", message: detail }], error_count: 1 });
}

/** The first worksheet's non-empty rows, in order. */
export async function* readFirstSheet(bytes: Buffer): AsyncGenerator<SheetRow> {
  // A zip starts with "PK\x03\x04"; anything else is not worth handing to the unzipper.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw notAWorkbook("it is not a zip archive, as every .xlsx file is");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore",
  });
  let rows = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as CellValue[]) ?? [];
        const cells: string[] = [];
        const problems: SheetRow["problems"] = [];
        for (let column = 1; column < values.length; column++) {
          const read = cellText(values[column]);
          if ("problem" in read) {
            problems.push({ column, message: read.problem });
            cells.push("");
          } else cells.push(read.text);
        }
        if (problems.length === 0 && cells.every((c) => c.trim() === "")) continue;
        if (++rows > MAX_SHEET_ROWS) throw new AppError("payload_too_large", `The sheet has more than ${MAX_SHEET_ROWS.toLocaleString("en-US")} rows`);
        yield { row: row.number, cells, problems };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notAWorkbook((error as Error).message);
  }
  throw notAWorkbook("it holds no worksheet");
}
