import "server-only";
import { definePlugin } from "@/plugins/define-plugin";
import { dnsmasqDownload } from "@/plugins/export/dnsmasq-download";

export const dnsmasqDhcpExporter = definePlugin({
  kind: "export",
  name: "dnsmasq-dhcp",
  description: "dnsmasq configuration for DHCP only: dhcp-range, router and dhcp-host lines. Takes the host list filters.",
  formats: [{ mediaType: "text/plain", extension: "conf" }],
  run: ({ actor, params }) => dnsmasqDownload(actor, params, "dhcp", "ipam-dnsmasq-dhcp.conf"),
});
