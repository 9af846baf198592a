import "server-only";
import { definePlugin } from "@/plugins/define-plugin";
import { readCsvFile } from "@/plugins/import/read-csv-file";
import { importFile } from "@/plugins/import/file-import";

export const csvImporter = definePlugin({
  kind: "import",
  name: "csv",
  description: "Hosts or networks from CSV with a header line (this app's export or the original Flask IPAM's). Error rows are file line numbers.",
  formats: [{ mediaType: "text/csv", extension: "csv" }],
  run: ({ actor, upload, options }) => importFile(actor, () => readCsvFile(upload.bytes.toString("utf8"), options.type, options.repair), options),
});
