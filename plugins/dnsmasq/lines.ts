import type { Prefix } from "@/lib/ipam";
import { netmaskOrLength } from "@/plugins/dnsmasq/checks";

// Builders for every directive the exporter writes. Arguments are already
// checked (plugins/dnsmasq/checks.ts); the final guard below makes a line
// that could carry a space, '#', quote or line break impossible to emit.

export const LEASE_TIME = "12h";

const SAFE_LINE = /^[a-z-]+=[a-z0-9.:,/\-[\]]+$/;

function directive(line: string): string {
  if (!SAFE_LINE.test(line)) throw new Error("refusing to write an unsafe dnsmasq line");
  return line;
}

export function hostRecordLine(names: readonly string[], ip: string): string {
  return directive(`host-record=${names.join(",")},${ip}`);
}

export function cnameLine(aliases: readonly string[], target: string): string {
  return directive(`cname=${aliases.join(",")},${target}`);
}

/** IPv6 addresses are bracketed: dhcp-host tells fields apart by their content. */
export function dhcpHostLine(mac: string, ip: string, family: number, name: string | null): string {
  const address = family === 6 ? `[${ip}]` : ip;
  return directive(`dhcp-host=${mac},${address}${name ? `,${name}` : ""}`);
}

export function dhcpPoolLine(tag: string, prefix: Prefix, start: string, end: string): string {
  return directive(`dhcp-range=set:${tag},${start},${end},${netmaskOrLength(prefix)},${LEASE_TIME}`);
}

/** Reservations only: dnsmasq answers the network's dhcp-host clients and no one else. */
export function dhcpStaticLine(tag: string, prefix: Prefix, network: string): string {
  return directive(`dhcp-range=set:${tag},${network},static,${netmaskOrLength(prefix)}`);
}

export function routerLine(tag: string, gateway: string): string {
  return directive(`dhcp-option=tag:${tag},option:router,${gateway}`);
}

export function domainLine(domain: string, prefixText: string): string {
  return directive(`domain=${domain},${prefixText}`);
}

/** Answer names under the domain locally only: never forward them upstream. */
export function localLine(domain: string): string {
  return directive(`local=/${domain}/`);
}
