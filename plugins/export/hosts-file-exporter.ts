import "server-only";
import { authorize } from "@/lib/services/authorize";
import { definePlugin } from "@/plugins/define-plugin";
import { dnsmasqSource } from "@/plugins/export/dnsmasq-download";
import { renderHostsFile } from "@/plugins/hosts-file/render-hosts";

export const hostsFileExporter = definePlugin({
  kind: "export",
  name: "hosts-file",
  description: "/etc/hosts: one line per address, IP canonical-FQDN short-name aliases (the dnsmasq DNS file's names). Takes the host list filters.",
  formats: [{ mediaType: "text/plain", extension: "hosts" }],
  async run({ actor, params }) {
    authorize(actor, "viewer");
    return { filename: "ipam-hosts", contentType: "text/plain; charset=utf-8", body: renderHostsFile(await dnsmasqSource(params)) };
  },
});
