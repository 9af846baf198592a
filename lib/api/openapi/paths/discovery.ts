import { z } from "zod";
import type { Operation } from "@/lib/api/openapi/operation";
import {
  applyResultOut, changeSetOut, discoveryApplySchema, discoveryScanSchema, discoveryUploadQuery, discoveryUploadSources, scanStateOut, staleHostsQuery,
} from "@/lib/schemas/discovery";
import * as out from "@/lib/schemas/responses";

// Discovery (docs/discovery.md): sources → a change set (nothing written) → apply the chosen rows.

const staleHosts = out.pageOf(out.hostOut).extend({
  days: z.number().int().meta({ description: "The threshold used" }),
  cutoff: z.string().meta({ description: "Hosts last seen before this time are listed" }),
});

export const discoveryOperations: Operation[] = [
  { method: "post", path: "/discovery/{source}", tag: "Discovery", summary: `Change set of a file (${discoveryUploadSources.join(", ")})`, auth: "editor",
    query: discoveryUploadQuery,
    description: "The body is the file itself, or multipart/form-data with a field `file`; at most 32 MB and 65,536 addresses. " +
      "nmap: `nmap -oX` XML (hosts that are up; a DTD with declarations is refused, entities are never expanded). " +
      "dnsmasq: its lease file (`dnsmasq.leases`). kea: Kea's memfile lease CSV (`kea-leases4.csv`). A file that cannot be read is a 422 " +
      "naming the line (`details.line`). Names and MACs that break the host rules are reported per row under `problems` and never written. Writes nothing.",
    responses: { 200: { schema: changeSetOut, description: "The change set" } }, errors: [400, 404, 413, 415, 422] },
  { method: "post", path: "/discovery/scan", tag: "Discovery", summary: "Ping-scan a network with nmap and return its change set", auth: "editor",
    body: { schema: discoveryScanSchema },
    description: "Runs `nmap -sn -oX - <network>` on the server (Debian package nmap; NMAP_PATH) and answers when it ends. At most a /16 (IPv4) or /112 (IPv6); " +
      "one scan at a time per instance (409 while another runs); stopped after DISCOVERY_SCAN_TIMEOUT_SECONDS (409), or by DELETE /discovery/scan (409 here). " +
      "The network's hosts that did not answer are listed as missing. Writes nothing.",
    responses: { 200: { schema: changeSetOut, description: "The change set" } }, errors: [404, 409, 422] },
  { method: "get", path: "/discovery/scan", tag: "Discovery", summary: "Whether this instance is scanning", auth: "editor",
    responses: { 200: { schema: scanStateOut, description: "The running scan, if any" } } },
  { method: "delete", path: "/discovery/scan", tag: "Discovery", summary: "Cancel this instance's running scan", auth: "editor",
    responses: { 200: { schema: z.object({ cancelled: z.boolean() }), description: "Whether a scan was running" } } },
  { method: "post", path: "/discovery/apply", tag: "Discovery", summary: "Apply chosen rows of a change set (all or nothing)", auth: "editor",
    body: { schema: discoveryApplySchema },
    description: "Send the change set's `source`, `observed_at` and the chosen rows (as they came, or just kind, ip_address, host_id, mac_address, hostname). " +
      "Nothing is stored between preview and apply: each row is checked again against the hosts as they are now (409 naming the rows that no longer hold: " +
      "an address taken, a host moved or reserved), and names and MACs go through the host schemas again (422). new rows create hosts, changed rows update " +
      "MAC/hostname, seen rows only set last_seen; all set last_seen = observed_at and discovery_source. At most 10,000 rows.",
    responses: { 200: { schema: applyResultOut, description: "What was written" } }, errors: [409, 413, 422] },
  { method: "get", path: "/discovery/stale", tag: "Discovery", summary: "Hosts not seen for N days (candidates to free)", auth: "viewer", query: staleHostsQuery,
    description: "Hosts whose last_seen is older than `days` (default STALE_HOST_DAYS), oldest first; never-seen and reserved hosts are not listed. Nothing is freed.",
    responses: { 200: { schema: staleHosts, description: "A page of hosts" } }, errors: [400, 404] },
];
