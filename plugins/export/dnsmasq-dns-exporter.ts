import "server-only";
import { definePlugin } from "@/plugins/define-plugin";
import { dnsmasqDownload } from "@/plugins/export/dnsmasq-download";

export const dnsmasqDnsExporter = definePlugin({
  kind: "export",
  name: "dnsmasq-dns",
  description: "dnsmasq configuration for DNS only: domain/local, host-record and cname lines. Takes the host list filters.",
  formats: [{ mediaType: "text/plain", extension: "conf" }],
  run: ({ actor, params }) => dnsmasqDownload(actor, params, "dns", "ipam-dnsmasq-dns.conf"),
});
