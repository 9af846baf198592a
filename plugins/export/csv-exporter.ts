import "server-only";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";
import { csvLine } from "@/plugins/csv/cells";
import { definePlugin } from "@/plugins/define-plugin";
import { exportTable } from "@/plugins/export/export-table";

export const csvExporter = definePlugin({
  kind: "export",
  name: "csv",
  description: "Hosts or networks as CSV (?type=hosts|networks, the list filters, ?columns=…). Cells that a spreadsheet would run as a formula start with '.",
  formats: [{ mediaType: "text/csv", extension: "csv" }],
  async run({ actor, params }) {
    authorize(actor, "viewer");
    const { type, columns, batches } = await exportTable(getDb(), params);
    return {
      filename: `ipam-${type}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: (async function* () {
        yield csvLine(columns);
        for await (const batch of batches) yield batch.map((row) => csvLine(row)).join("");
      })(),
    };
  },
});
