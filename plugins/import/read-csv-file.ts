import { AppError } from "@/lib/errors";
import { restoreCell } from "@/plugins/csv/cells";
import { readCsv } from "@/plugins/csv/read-csv";
import { ignoredColumns, legacyTimestamp, normalizeColumn, writableColumns } from "@/plugins/import/legacy";
import { newTableImport } from "@/plugins/import/new-table-import";
import type { ReadFile, TableImport } from "@/plugins/import/table-import";
import type { ImportType, RowError } from "@/plugins/import/types";

// A CSV upload fed row by row into the bulk importer. Problems with the
// header concern every row, so they are reported once, on line 1, before
// any row is read.

function headerError(errors: RowError[]): AppError {
  return new AppError("validation_error", `Line 1 (header): ${errors[0].field}: ${errors[0].message}`, { rows: errors, error_count: errors.length });
}

function inferType(columns: string[], explicit: ImportType | undefined): ImportType {
  if (explicit) return explicit;
  if (columns.includes("ip_address")) return "hosts";
  if (columns.includes("network")) return "networks";
  throw headerError([{ row: 1, field: "_", message: "The header has neither ip_address (hosts) nor network (networks); pass ?type=" }]);
}

/** The header's columns, or a 422 naming every unknown, repeated or missing one. */
function checkHeader(header: string[], explicit: ImportType | undefined): { type: ImportType; columns: string[] } {
  const columns = header.map(normalizeColumn);
  if (columns.length === 0 || (columns.length === 1 && columns[0] === "")) {
    throw headerError([{ row: 1, field: "_", message: "The file is empty; the first line must name the columns" }]);
  }
  const type = inferType(columns, explicit);
  const required = type === "hosts" ? "ip_address" : "network";
  const problems: RowError[] = columns.flatMap((c, i) => {
    if (!writableColumns[type].includes(c) && !ignoredColumns[type].has(c)) {
      return [{ row: 1, field: header[i].trim(), message: `Unknown column; ${type} files may have ${writableColumns[type].join(", ")}` }];
    }
    return columns.indexOf(c) === i ? [] : [{ row: 1, field: c, message: "Column appears twice" }];
  });
  if (!columns.includes(required)) problems.push({ row: 1, field: required, message: `Missing column ${required}` });
  if (problems.length) throw headerError(problems);
  return { type, columns };
}

export function readCsvFile(text: string, explicit?: ImportType, repair = false): ReadFile {
  let read: { type: ImportType; columns: string[]; table: TableImport } | null = null;
  const summary = readCsv(text, {
    onHeader: (cells) => {
      const header = checkHeader(cells, explicit);
      read = { ...header, table: newTableImport(header.type, repair) };
    },
    onRecord: ({ line, cells }) => {
      const { columns, table, type } = read!;
      if (cells.length !== columns.length) return table.fail({ row: line, field: "_", message: `Has ${cells.length} cells; the header has ${columns.length}` });
      const input: Record<string, unknown> = {};
      cells.forEach((cell, i) => {
        const column = columns[i];
        // An empty cell means "not given", so defaults (status active) apply; derived columns are dropped.
        if (cell.trim() === "" || ignoredColumns[type].has(column)) return;
        input[column] = column === "last_seen" ? legacyTimestamp(restoreCell(cell)) : restoreCell(cell);
      });
      table.add(line, input);
    },
  });
  if (!read) checkHeader(summary.header, explicit); // no header line at all: throws the empty-file error
  const { type, table } = read!;
  for (const p of summary.problems) table.fail({ row: p.line, field: "_", message: p.message });
  return { type, table };
}
