import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import { csvLine } from "@/plugins/csv/cells";
import { definePlugin } from "@/plugins/define-plugin";
import { hostCsvColumns, networkCsvColumns } from "@/plugins/export/csv-columns";
import { exportTypeOf, hostExportFilter, hostExportQuery, keepRows, networkExportQuery, networkExportWhere, parseParams } from "@/plugins/export/filters";
import { hostBatches, networkBatches } from "@/plugins/export/read-batches";

/** `?columns=a,b` picks and orders columns; absent means all. */
function chooseColumns<C extends string>(params: URLSearchParams, all: readonly C[]): C[] {
  const text = params.get("columns")?.trim();
  if (!text) return [...all];
  const chosen = text.split(",").map((c) => c.trim()).filter(Boolean);
  const unknown = chosen.filter((c) => !all.includes(c as C));
  if (unknown.length || chosen.length === 0) {
    const message = `columns must be a comma-separated list of ${all.join(", ")}`;
    throw new AppError("bad_request", `Invalid query parameter columns: ${message}`, { columns: [message] });
  }
  return chosen as C[];
}

export const csvExporter = definePlugin({
  kind: "export",
  name: "csv",
  description: "Hosts or networks as CSV (?type=hosts|networks, the list filters, ?columns=…). Cells that a spreadsheet would run as a formula start with '.",
  formats: [{ mediaType: "text/csv", extension: "csv" }],
  async run({ actor, params }) {
    authorize(actor, "viewer");
    const db = getDb();
    const type = exportTypeOf(params);
    const download = (body: AsyncIterable<string>) => ({ filename: `ipam-${type}.csv`, contentType: "text/csv; charset=utf-8", body });
    if (type === "networks") {
      const columns = chooseColumns(params, Object.keys(networkCsvColumns) as Array<keyof typeof networkCsvColumns>);
      const where = await networkExportWhere(db, parseParams(networkExportQuery, params));
      return download((async function* () {
        yield csvLine(columns);
        for await (const batch of networkBatches(db, where)) yield batch.map((n) => csvLine(columns.map((c) => networkCsvColumns[c](n)))).join("");
      })());
    }
    const columns = chooseColumns(params, Object.keys(hostCsvColumns) as Array<keyof typeof hostCsvColumns>);
    const { where, keep } = await hostExportFilter(db, parseParams(hostExportQuery, params));
    const prefixes = new Map((await db.network.findMany({ select: { id: true, network: true, cidr: true } })).map((n) => [n.id, `${n.network}/${n.cidr}`]));
    const prefixOf = (id: number) => prefixes.get(id) ?? null;
    return download((async function* () {
      yield csvLine(columns);
      for await (const batch of keepRows(hostBatches(db, where), keep)) yield batch.map((h) => csvLine(columns.map((c) => hostCsvColumns[c](h, prefixOf)))).join("");
    })());
  },
});
