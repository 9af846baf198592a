import "server-only";
import { definePlugin } from "@/plugins/define-plugin";
import { dnsmasqDownload } from "@/plugins/export/dnsmasq-download";

export const dnsmasqExporter = definePlugin({
  kind: "export",
  name: "dnsmasq",
  description: "dnsmasq configuration for DNS and DHCP: domain/local, dhcp-range, router, host-record, cname and dhcp-host lines. Takes the host list filters.",
  formats: [{ mediaType: "text/plain", extension: "conf" }],
  run: ({ actor, params }) => dnsmasqDownload(actor, params, "combined", "ipam-dnsmasq.conf"),
});
