import { newMacOwners, planHost } from "@/plugins/dnsmasq/host-plan";
import type { DnsmasqSource } from "@/plugins/dnsmasq/types";
import { configNetworks } from "@/plugins/export/config-networks";
import { commentLine, ethersLine } from "@/plugins/hosts-file/hosts-lines";

// /etc/ethers, streamed: `MAC IP` for exactly the hosts the dnsmasq DHCP
// file gives an IPv4 dhcp-host (plugins/dnsmasq/host-plan.ts decides both;
// a MAC is reserved once, for the first host in address order). ethers(5)
// and dnsmasq --read-ethers take IPv4 addresses only. One pass: no names.

export async function* renderEthers(source: DnsmasqSource, now = new Date()): AsyncGenerator<string> {
  const { checked } = configNetworks(source);
  yield `${[
    "/etc/ethers exported by IPAM: MAC IP (dnsmasq --read-ethers makes each a static DHCP lease)",
    `Generated: ${now.toISOString()}`,
    "Active and reserved IPv4 hosts with a hostname and a MAC address; IPv6 has no place in this file.",
  ].map(commentLine).join("\n")}\n`;
  const macs = newMacOwners(source.uniqueMacs);
  for await (const batch of source.hosts()) {
    const out: string[] = [];
    for (const host of batch) {
      if (host.family !== 4) continue;
      const plan = planHost(host, checked.get(host.networkId ?? -1), "dhcp", macs);
      if (!plan) continue;
      if ("skipped" in plan) {
        // Only a host that would have had a line is worth a note here.
        if (host.macAddress) out.push(commentLine(plan.skipped.text));
        continue;
      }
      for (const note of plan.notes) out.push(commentLine(note.text));
      if (plan.dhcp) out.push(ethersLine(plan.dhcp.mac, plan.dhcp.ip));
    }
    if (out.length) yield `${out.join("\n")}\n`;
  }
}
