import { z } from "zod";
import type { Operation } from "@/lib/api/openapi/operation";
import { exporterNames, importerNames } from "@/plugins/define-plugin";
import { hostSortFields, networkSortFields } from "@/lib/schemas/list";
import { hostExportQuery, networkExportQuery, typeParam } from "@/plugins/export/export-query";
import { importQuery } from "@/plugins/import/types";
import { keaExportQuery } from "@/plugins/kea/kea-query";
import { bindZoneQuery } from "@/plugins/bind/bind-query";

// The import/export operations for the OpenAPI document, from the same
// schemas the routes parse with. The registry publishes them, and
// app/api/v1/openapi.json/document.ts appends them to the core API's.

const pluginInfo = z.object({
  name: z.string(),
  kind: z.enum(["import", "export"]),
  description: z.string(),
  formats: z.array(z.object({ media_type: z.string().meta({ example: "text/csv" }), extension: z.string().meta({ example: "csv" }) })),
});
const rowError = z.object({
  row: z.number().int().meta({ description: "CSV: line in the file (header = 1); JSON: 1-based index; flask-ipam: the old id" }),
  field: z.string().meta({ description: '"_" when the whole row is at fault' }),
  message: z.string(),
  table: z.enum(["networks", "hosts"]).optional().meta({ description: "flask-ipam only" }),
});
const importReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int().meta({ description: "Duplicates, and (on_conflict=skip) invalid rows" }),
  errors: z.array(rowError).meta({ description: "Rows left out (on_conflict=skip only; otherwise they are a 422)" }),
  repairs: z.array(rowError).optional()
    .meta({ description: "repair=true only: each name cleared into its row's description, addressed like errors (also in a 422's details)" }),
  dry_run: z.boolean(),
});
const exportQuery = hostExportQuery.extend({
  ...networkExportQuery.pick({ name: true, domain: true, parent_id: true, utilization_gte: true, over_threshold: true }).shape,
  sort: z.string().optional().meta({
    description: `csv, xlsx, json: the list's sort, the same values as GET /hosts (${hostSortFields.join(", ")}) or GET /networks (${networkSortFields.join(", ")}), optionally prefixed with "-"`,
  }),
  type: typeParam.meta({ description: "csv, xlsx and json: what to export" }),
  columns: z.string().optional().meta({
    description: "csv, xlsx: comma-separated columns to write, in this order (also id, created_at, updated_at; networks also prefix, utilization, used_hosts, total_hosts); " +
      "json: the API object's fields to keep, in this order",
  }),
  ...keaExportQuery.shape,
  reverse: bindZoneQuery.shape.reverse,
});

export const pluginOperations: Operation[] = [
  { method: "get", path: "/export", tag: "Import/export", summary: "List the exporters", auth: "viewer",
    responses: { 200: { schema: z.object({ items: z.array(pluginInfo) }), description: "Exporters" } } },
  { method: "get", path: "/export/{name}", tag: "Import/export", summary: `Download (${exporterNames.join(", ")})`, auth: "viewer", query: exportQuery,
    description: "A streamed attachment. csv: `network,cidr,broadcast_address,name,domain,vlan_id,description,location,gateway,dhcp_start,dhcp_end,status,utilization_threshold` or " +
      "`ip_address,hostname,cname,mac_address,description,status,network,last_seen,discovery_source,allow_duplicate_name`; cells that would start a spreadsheet formula get a leading `'`. " +
      "json: an array of the API's objects. dnsmasq (DNS + DHCP), dnsmasq-dns, dnsmasq-dhcp: a configuration file for /etc/dnsmasq.d/ " +
      "(ipam-dnsmasq.conf), with the host filters; network_id, vlan_id, location and family also choose the networks' own lines. " +
      "kea-dhcp4, kea-dhcp6: Kea JSON (with // comments), one subnet per network with a DHCP pool or reservations, id = the network's id; " +
      "format=config (ipam-kea-dhcp4.conf) or format=fragment (ipam-subnet4.json, the value of \"subnet4\" through Kea's include directive); " +
      "DNS servers from DHCP_DNS_SERVERS. hosts-file: /etc/hosts lines (ipam-hosts). ethers: /etc/ethers MAC IP lines, IPv4 (ipam-ethers). " +
      "bind: every zone as ipam-zones.tar.gz (ipam/named.conf with `zone \"…\" { type master; file \"ipam/….zone\"; };` lines, and ipam/<zone>.zone), " +
      "or one zone file with domain=<forward zone> or reverse=<prefix>; SOA serial = the last change's time in seconds, NS/contact/TTL from DNS_ZONE_NS, DNS_ZONE_CONTACT, DNS_ZONE_TTL; an unknown zone is a 404. " +
      "Every config export takes the host filters and leaves out, with a comment, what the dnsmasq file leaves out.",
    responses: { 200: { schema: null, raw: "text/plain", description: "text/csv, application/json, text/plain (dnsmasq, Kea, hosts, ethers, one BIND zone) or application/gzip (BIND zones)" } }, errors: [400, 404] },
  { method: "get", path: "/import", tag: "Import/export", summary: "List the importers", auth: "viewer",
    responses: { 200: { schema: z.object({ items: z.array(pluginInfo) }), description: "Importers" } } },
  { method: "post", path: "/import/{name}", tag: "Import/export", summary: `Import a file (${importerNames.join(", ")}, or auto)`, auth: "editor", query: importQuery,
    description: "The body is the file itself (text/csv, application/json, a SQLite database) or multipart/form-data with a field `file`; at most 50 MB. " +
      "`auto` picks the importer by the file name's extension (multipart, or ?filename=). Every row passes the API's schema; the import is one " +
      "transaction. An invalid row (unless on_conflict=skip) is a 422 whose details.rows lists {row, field, message}, with the counts the valid rows would give.",
    responses: { 200: { schema: importReport, description: "What was (or, with dry_run, would be) written" } }, errors: [400, 413, 422] },
];
