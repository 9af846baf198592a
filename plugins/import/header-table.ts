import { AppError } from "@/lib/errors";
import { ignoredColumns, legacyTimestamp, normalizeColumn, writableColumns } from "@/plugins/import/legacy";
import { newTableImport } from "@/plugins/import/new-table-import";
import type { ReadFile, TableImport } from "@/plugins/import/table-import";
import type { ImportType, RowError } from "@/plugins/import/types";

// A table with a header row — a CSV file, the first sheet of an XLSX
// workbook — fed into the bulk importer: the same header rules (known,
// unrepeated columns; the type inferred from them) and the same cell rules
// (an empty cell is "not given", derived columns dropped) for every such
// format. Problems with the header concern every row, so they are reported
// once, on the header's row, before any row is read.

function headerError(row: number, errors: RowError[]): AppError {
  return new AppError("validation_error", `Line ${row} (header): ${errors[0].field}: ${errors[0].message}`, { rows: errors, error_count: errors.length });
}

function inferType(row: number, columns: string[], explicit: ImportType | undefined): ImportType {
  if (explicit) return explicit;
  if (columns.includes("ip_address")) return "hosts";
  if (columns.includes("network")) return "networks";
  throw headerError(row, [{ row, field: "_", message: "The header has neither ip_address (hosts) nor network (networks); pass ?type=" }]);
}

/** The header's columns, or a 422 naming every unknown, repeated or missing one. */
function checkHeader(row: number, header: string[], explicit: ImportType | undefined): { type: ImportType; columns: string[] } {
  const columns = header.map(normalizeColumn);
  if (columns.length === 0 || columns.every((c) => c === "")) {
    throw headerError(row, [{ row, field: "_", message: "The file is empty; the first line must name the columns" }]);
  }
  const type = inferType(row, columns, explicit);
  const required = type === "hosts" ? "ip_address" : "network";
  const problems: RowError[] = columns.flatMap((c, i) => {
    if (!writableColumns[type].includes(c) && !ignoredColumns[type].has(c)) {
      return [{ row, field: header[i].trim(), message: `Unknown column; ${type} files may have ${writableColumns[type].join(", ")}` }];
    }
    return columns.indexOf(c) === i ? [] : [{ row, field: c, message: "Column appears twice" }];
  });
  if (!columns.includes(required)) problems.push({ row, field: required, message: `Missing column ${required}` });
  if (problems.length) throw headerError(row, problems);
  return { type, columns };
}

export interface HeaderTable {
  header(row: number, cells: string[]): void;
  /** One data row; `row` is how the user finds it (a CSV line, an Excel row number). */
  record(row: number, cells: readonly string[]): void;
  fail(error: RowError): void;
  /** The table once every row was given; `emptyFile` when no header came at all. */
  finish(): ReadFile;
}

export interface HeaderTableOptions {
  /** CSV: a row must have exactly the header's cell count. A spreadsheet leaves trailing empty cells out, so a shorter row is padded. */
  exactCellCount: boolean;
}

export function headerTable(explicit: ImportType | undefined, repair: boolean, { exactCellCount }: HeaderTableOptions): HeaderTable {
  let read: { type: ImportType; columns: string[]; table: TableImport } | null = null;
  const pending: RowError[] = [];
  return {
    header(row, cells) {
      const header = checkHeader(row, cells, explicit);
      read = { ...header, table: newTableImport(header.type, repair) };
    },
    record(row, cells) {
      const { columns, table, type } = read!;
      const wrongCount = exactCellCount ? cells.length !== columns.length : cells.slice(columns.length).some((c) => c.trim() !== "");
      if (wrongCount) {
        return table.fail({ row, field: "_", message: `Has ${cells.length} cells; the header has ${columns.length}` });
      }
      const input: Record<string, unknown> = {};
      columns.forEach((column, i) => {
        const cell = cells[i] ?? "";
        // An empty cell means "not given", so defaults (status active) apply; derived columns are dropped.
        if (cell.trim() === "" || ignoredColumns[type].has(column)) return;
        input[column] = column === "last_seen" ? legacyTimestamp(cell) : cell;
      });
      table.add(row, input);
    },
    fail(error) {
      if (read) read.table.fail(error);
      else pending.push(error);
    },
    finish() {
      if (!read) throw headerError(1, [{ row: 1, field: "_", message: "The file is empty; the first line must name the columns" }]);
      for (const error of pending) read.table.fail(error);
      return { type: read.type, table: read.table };
    },
  };
}
