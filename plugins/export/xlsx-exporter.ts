import "server-only";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";
import { definePlugin } from "@/plugins/define-plugin";
import { exportTable } from "@/plugins/export/export-table";
import { XLSX_MEDIA_TYPE } from "@/plugins/xlsx/media-type";
import { writeSheet } from "@/plugins/xlsx/write-sheet";

// The CSV export's table as one .xlsx sheet, which the XLSX importer reads back unchanged.

export const xlsxExporter = definePlugin({
  kind: "export",
  name: "xlsx",
  description: "Hosts or networks as an .xlsx workbook (?type=hosts|networks, the list filters, ?columns=…): the CSV export's columns, text cells always text (never a formula).",
  formats: [{ mediaType: XLSX_MEDIA_TYPE, extension: "xlsx" }],
  async run({ actor, params }) {
    authorize(actor, "viewer");
    const { type, columns, batches } = await exportTable(getDb(), params);
    return { filename: `ipam-${type}.xlsx`, contentType: XLSX_MEDIA_TYPE, body: writeSheet(type, columns, batches) };
  },
});
