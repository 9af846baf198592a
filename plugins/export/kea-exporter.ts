import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { loadEnv } from "@/lib/env";
import { authorize } from "@/lib/services/authorize";
import { definePlugin, type Download } from "@/plugins/define-plugin";
import { dnsmasqSource } from "@/plugins/export/dnsmasq-download";
import { parseParams } from "@/plugins/export/filters";
import { keaExportQuery } from "@/plugins/kea/kea-query";
import { renderKea } from "@/plugins/kea/render-kea";

// kea-dhcp4 and kea-dhcp6: the dnsmasq exporters' source (host list
// filters; network_id, vlan_id, location and family choose the subnets),
// rendered as Kea JSON. ?format=config|fragment, ?interfaces= (config).

async function keaDownload(actor: Actor, params: URLSearchParams, family: 4 | 6): Promise<Download> {
  authorize(actor, "viewer");
  const query = parseParams(keaExportQuery, params);
  const source = await dnsmasqSource(params);
  const dnsServers = loadEnv().DHCP_DNS_SERVERS.filter((a) => (a.includes(":") ? 6 : 4) === family);
  const filename = query.format === "config" ? `ipam-kea-dhcp${family}.conf` : `ipam-subnet${family}.json`;
  return {
    filename,
    contentType: "text/plain; charset=utf-8",
    body: renderKea(source, { family, format: query.format, dnsServers, interfaces: query.interfaces }),
  };
}

const formats = [{ mediaType: "text/plain", extension: "conf" }, { mediaType: "text/plain", extension: "json" }] as const;

export const keaDhcp4Exporter = definePlugin({
  kind: "export",
  name: "kea-dhcp4",
  description: "Kea DHCPv4 configuration: one subnet4 per network with a DHCP pool or reservations (id = network id), routers, domain-name, reservations for hosts with a MAC. ?format=config|fragment. Takes the host list filters.",
  formats,
  run: ({ actor, params }) => keaDownload(actor, params, 4),
});

export const keaDhcp6Exporter = definePlugin({
  kind: "export",
  name: "kea-dhcp6",
  description: "Kea DHCPv6 configuration: one subnet6 per network with a DHCP pool or reservations (id = network id), domain-search, reservations for hosts with a MAC. ?format=config|fragment. Takes the host list filters.",
  formats,
  run: ({ actor, params }) => keaDownload(actor, params, 6),
});
