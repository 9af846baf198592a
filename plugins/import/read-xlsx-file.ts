import { headerTable } from "@/plugins/import/header-table";
import type { ReadFile } from "@/plugins/import/table-import";
import type { ImportType } from "@/plugins/import/types";
import { columnLetters, readFirstSheet } from "@/plugins/xlsx/read-sheet";

// The first sheet of an .xlsx upload fed row by row into the bulk importer:
// the first non-empty row is the header, with the same header and cell rules
// as CSV (header-table.ts). Rows are the row numbers Excel shows.

export async function readXlsxFile(bytes: Buffer, explicit?: ImportType, repair = false): Promise<ReadFile> {
  const table = headerTable(explicit, repair, { exactCellCount: false });
  let sawHeader = false;
  for await (const { row, cells, problems } of readFirstSheet(bytes)) {
    if (!sawHeader) {
      sawHeader = true;
      table.header(row, cells);
      continue;
    }
    if (problems.length) {
      for (const p of problems) table.fail({ row, field: columnLetters(p.column), message: p.message });
      continue;
    }
    table.record(row, cells);
  }
  return table.finish();
}
