import "server-only";
import { authorize } from "@/lib/services/authorize";
import { definePlugin } from "@/plugins/define-plugin";
import { dnsmasqSource } from "@/plugins/export/dnsmasq-download";
import { renderEthers } from "@/plugins/hosts-file/render-ethers";

export const ethersExporter = definePlugin({
  kind: "export",
  name: "ethers",
  description: "/etc/ethers: MAC IP for each IPv4 host the dnsmasq DHCP file reserves (dnsmasq --read-ethers). Takes the host list filters.",
  formats: [{ mediaType: "text/plain", extension: "ethers" }],
  async run({ actor, params }) {
    authorize(actor, "viewer");
    return { filename: "ipam-ethers", contentType: "text/plain; charset=utf-8", body: renderEthers(await dnsmasqSource(params)) };
  },
});
