import "server-only";
import type { Db } from "@/lib/db/client";
import { chooseColumns } from "@/plugins/export/choose-columns";
import { hostCsvColumns, networkCsvColumns } from "@/plugins/export/csv-columns";
import { exportTypeOf, hostExportFilter, hostExportQuery, keepRows, networkExportQuery, networkExportWhere, parseParams } from "@/plugins/export/filters";
import { hostBatches, networkBatches } from "@/plugins/export/read-batches";
import type { ImportType } from "@/plugins/import/types";

// The table behind the CSV and XLSX exports: ?type=, the list filters and
// ?columns= checked before the first byte, then the rows batch by batch as
// cells in the importer's column layout (csv-columns.ts).

export type TableCell = string | number | null;

export interface ExportTable {
  type: ImportType;
  columns: string[];
  batches: AsyncIterable<TableCell[][]>;
}

export async function exportTable(db: Db, params: URLSearchParams): Promise<ExportTable> {
  const type = exportTypeOf(params);
  if (type === "networks") {
    const columns = chooseColumns(params, Object.keys(networkCsvColumns) as Array<keyof typeof networkCsvColumns>);
    const where = await networkExportWhere(db, parseParams(networkExportQuery, params));
    return {
      type, columns,
      batches: (async function* () {
        for await (const batch of networkBatches(db, where)) yield batch.map((n) => columns.map((c) => networkCsvColumns[c](n)));
      })(),
    };
  }
  const columns = chooseColumns(params, Object.keys(hostCsvColumns) as Array<keyof typeof hostCsvColumns>);
  const { where, keep } = await hostExportFilter(db, parseParams(hostExportQuery, params));
  const prefixes = new Map((await db.network.findMany({ select: { id: true, network: true, cidr: true } })).map((n) => [n.id, `${n.network}/${n.cidr}`]));
  const prefixOf = (id: number) => prefixes.get(id) ?? null;
  return {
    type, columns,
    batches: (async function* () {
      for await (const batch of keepRows(hostBatches(db, where), keep)) yield batch.map((h) => columns.map((c) => hostCsvColumns[c](h, prefixOf)));
    })(),
  };
}
