import { restoreCell } from "@/plugins/csv/cells";
import { readCsvYielding } from "@/plugins/csv/read-csv";
import { headerTable } from "@/plugins/import/header-table";
import type { ReadFile } from "@/plugins/import/table-import";
import type { ImportType } from "@/plugins/import/types";

// A CSV upload fed row by row into the bulk importer, with the header and
// cell rules every table format shares (header-table.ts). Rows are file
// line numbers.

export async function readCsvFile(text: string, explicit?: ImportType, repair = false): Promise<ReadFile> {
  const table = headerTable(explicit, repair, { exactCellCount: true });
  let sawHeader = false;
  // Other requests are answered while a large file is read (readCsvYielding).
  const summary = await readCsvYielding(text, {
    onHeader: (cells) => {
      sawHeader = true;
      table.header(1, cells);
    },
    onRecord: ({ line, cells }) => table.record(line, cells.map(restoreCell)),
  });
  if (!sawHeader) table.header(1, summary.header); // no header line at all: throws the empty-file error
  for (const p of summary.problems) table.fail({ row: p.line, field: "_", message: p.message });
  return table.finish();
}
