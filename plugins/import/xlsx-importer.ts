import "server-only";
import { definePlugin } from "@/plugins/define-plugin";
import { importFile } from "@/plugins/import/file-import";
import { readXlsxFile } from "@/plugins/import/read-xlsx-file";
import { XLSX_MEDIA_TYPE } from "@/plugins/xlsx/media-type";

export const xlsxImporter = definePlugin({
  kind: "import",
  name: "xlsx",
  description: "Hosts or networks from the first sheet of an .xlsx workbook: a header row, then the CSV columns and rules. Formulas are read as their saved values, never run. Error rows are Excel row numbers.",
  formats: [{ mediaType: XLSX_MEDIA_TYPE, extension: "xlsx" }],
  run: ({ actor, upload, options }) => importFile(actor, () => readXlsxFile(upload.bytes, options.type, options.repair), options),
});
