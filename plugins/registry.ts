import "server-only";
import {
  exporterNames, importerNames, type ExporterName, type ExporterPlugin, type Format, type ImporterName, type ImporterPlugin, type Plugin,
} from "@/plugins/define-plugin";
import { bindExporter } from "@/plugins/export/bind-exporter";
import { csvExporter } from "@/plugins/export/csv-exporter";
import { dnsmasqDhcpExporter } from "@/plugins/export/dnsmasq-dhcp-exporter";
import { dnsmasqDnsExporter } from "@/plugins/export/dnsmasq-dns-exporter";
import { dnsmasqExporter } from "@/plugins/export/dnsmasq-exporter";
import { ethersExporter } from "@/plugins/export/ethers-exporter";
import { hostsFileExporter } from "@/plugins/export/hosts-file-exporter";
import { keaDhcp4Exporter, keaDhcp6Exporter } from "@/plugins/export/kea-exporter";
import { jsonExporter } from "@/plugins/export/json-exporter";
import { csvImporter } from "@/plugins/import/csv-importer";
import { flaskIpamImporter } from "@/plugins/import/flask-ipam-importer";
import { jsonImporter } from "@/plugins/import/json-importer";
import { xlsxExporter } from "@/plugins/export/xlsx-exporter";
import { xlsxImporter } from "@/plugins/import/xlsx-importer";

// Every importer and exporter, once. The key type makes a missing or
// misnamed entry a compile error: "export:csv" must hold the exporter named csv.

type Registry = { [N in ExporterName as `export:${N}`]: ExporterPlugin<N> } & { [N in ImporterName as `import:${N}`]: ImporterPlugin<N> };
export type PluginId = keyof Registry;

export const plugins: Registry = {
  "export:csv": csvExporter,
  "export:json": jsonExporter,
  "export:dnsmasq": dnsmasqExporter,
  "export:dnsmasq-dns": dnsmasqDnsExporter,
  "export:dnsmasq-dhcp": dnsmasqDhcpExporter,
  "export:kea-dhcp4": keaDhcp4Exporter,
  "export:kea-dhcp6": keaDhcp6Exporter,
  "export:hosts-file": hostsFileExporter,
  "export:ethers": ethersExporter,
  "export:bind": bindExporter,
  "import:csv": csvImporter,
  "import:json": jsonImporter,
  "import:flask-ipam": flaskIpamImporter,
  "import:xlsx": xlsxImporter,
  "export:xlsx": xlsxExporter,
};

/** The plugins' own /export and /import operations, for the OpenAPI document (lib/ cannot import them). */
export { pluginOperations } from "@/plugins/openapi-operations";

export const exporter = (name: ExporterName): ExporterPlugin => plugins[`export:${name}`];
export const importer = (name: ImporterName): ImporterPlugin => plugins[`import:${name}`];
export const exporters = (): ExporterPlugin[] => exporterNames.map(exporter);
export const importers = (): ImporterPlugin[] => importerNames.map(importer);

export interface PluginInfo {
  name: string;
  kind: "import" | "export";
  description: string;
  formats: Array<{ media_type: string; extension: string }>;
}

/** What GET /api/v1/export and /api/v1/import list. */
export function describePlugin(plugin: Plugin): PluginInfo {
  const formats = plugin.formats.map((f: Format) => ({ media_type: f.mediaType, extension: f.extension }));
  return { name: plugin.name, kind: plugin.kind, description: plugin.description, formats };
}
