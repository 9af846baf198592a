import "server-only";
import { definePlugin } from "@/plugins/define-plugin";
import { importFile } from "@/plugins/import/file-import";
import { readJsonFile } from "@/plugins/import/read-json-file";

export const jsonImporter = definePlugin({
  kind: "import",
  name: "json",
  description: 'Hosts or networks from JSON: an array of the API\'s objects, or the original Flask IPAM\'s {"data": [...]}. Error rows are 1-based array indexes.',
  formats: [{ mediaType: "application/json", extension: "json" }],
  run: ({ actor, upload, options }) => importFile(actor, () => readJsonFile(upload.bytes.toString("utf8"), options.type, options.repair), options),
});
