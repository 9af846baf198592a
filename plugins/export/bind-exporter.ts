import "server-only";
import { definePlugin } from "@/plugins/define-plugin";
import { bindDownload } from "@/plugins/export/bind-download";

export const bindExporter = definePlugin({
  kind: "export",
  name: "bind",
  description: "BIND zone files: one forward zone per domain (SOA, NS, A/AAAA, CNAME) and reverse zones (in-addr.arpa per /24 or RFC 2317 block, ip6.arpa) with PTR records. " +
    "?domain=<zone> or ?reverse=<prefix> for one zone file, otherwise every zone as .tar.gz with a named.conf fragment. Takes the host list filters.",
  formats: [{ mediaType: "application/gzip", extension: "tar.gz" }, { mediaType: "text/plain", extension: "zone" }],
  run: ({ actor, params }) => bindDownload(actor, params),
});
