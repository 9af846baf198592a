import "server-only";
import type { Db } from "@/lib/db/client";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkOut } from "@/lib/schemas/responses";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { chooseColumns } from "@/plugins/export/choose-columns";
import { hostCsvColumns, hostExtraColumns, networkCsvColumns, networkExtraColumns } from "@/plugins/export/csv-columns";
import { exportTypeOf, hostExportFilter, hostExportQuery, keepRows, networkExportBatches, networkExportQuery, networkExportWhere, parseParams } from "@/plugins/export/filters";
import { sortedHostBatches } from "@/plugins/export/sorted-batches";
import type { ImportType } from "@/plugins/import/types";

// The table behind the CSV and XLSX exports: ?type=, the list filters, ?sort=
// and ?columns= checked before the first byte, then the rows batch by batch
// as cells in the importer's column layout (csv-columns.ts).

export type TableCell = string | number | null;

export interface ExportTable {
  type: ImportType;
  columns: string[];
  batches: AsyncIterable<TableCell[][]>;
}

type NetworkColumn = keyof typeof networkCsvColumns | keyof typeof networkExtraColumns;
type HostColumn = keyof typeof hostCsvColumns | keyof typeof hostExtraColumns;

function networkCell(column: NetworkColumn, row: Network, out: NetworkOut | undefined): TableCell {
  // A default column's name wins: `id` etc. exist only among the extras.
  if (column in networkCsvColumns) return networkCsvColumns[column as keyof typeof networkCsvColumns](row);
  return networkExtraColumns[column as keyof typeof networkExtraColumns](out!);
}

async function networkTable(db: Db, params: URLSearchParams): Promise<ExportTable> {
  const columns = chooseColumns(params, Object.keys(networkCsvColumns) as Array<keyof typeof networkCsvColumns>, Object.keys(networkExtraColumns) as Array<keyof typeof networkExtraColumns>);
  const query = parseParams(networkExportQuery, params);
  const where = await networkExportWhere(db, query);
  // Utilization and counts come from the address states: computed only when a column needs them.
  const needsOut = columns.some((c) => !(c in networkCsvColumns));
  return {
    type: "networks", columns,
    batches: (async function* () {
      for await (const batch of networkExportBatches(db, where, query)) {
        const out = needsOut ? await serializeNetworks(batch) : [];
        yield batch.map((n, i) => columns.map((c: NetworkColumn) => networkCell(c, n, out[i])));
      }
    })(),
  };
}

async function hostTable(db: Db, params: URLSearchParams): Promise<ExportTable> {
  const columns = chooseColumns(params, Object.keys(hostCsvColumns) as Array<keyof typeof hostCsvColumns>, Object.keys(hostExtraColumns) as Array<keyof typeof hostExtraColumns>);
  const query = parseParams(hostExportQuery, params);
  const { where, keep } = await hostExportFilter(db, query);
  const prefixes = new Map((await db.network.findMany({ select: { id: true, network: true, cidr: true } })).map((n) => [n.id, `${n.network}/${n.cidr}`]));
  const prefixOf = (id: number) => prefixes.get(id) ?? null;
  const cell = (c: HostColumn) => (c in hostCsvColumns ? hostCsvColumns[c as keyof typeof hostCsvColumns] : hostExtraColumns[c as keyof typeof hostExtraColumns]);
  const cells = columns.map(cell);
  return {
    type: "hosts", columns,
    batches: (async function* () {
      for await (const batch of keepRows(sortedHostBatches(db, where, query.sort), keep)) yield batch.map((h) => cells.map((f) => f(h, prefixOf)));
    })(),
  };
}

export function exportTable(db: Db, params: URLSearchParams): Promise<ExportTable> {
  return exportTypeOf(params) === "networks" ? networkTable(db, params) : hostTable(db, params);
}
