import type { Prefix } from "@/lib/ipam";
import { netmaskOrLength } from "@/plugins/dnsmasq/checks";

// Builders for every directive the exporter writes. Arguments are already
// checked (plugins/dnsmasq/checks.ts); the final guard below makes a line
// that could carry a space, '#', quote or line break impossible to emit.

export const LEASE_TIME = "12h";

// `^[a-z-]+=[a-z0-9.:,/\-[\]]+$` as a table walk: it runs on every line of
// a 1,200,000-host export, where the regular expression cost ~0.3 s.
const KEY = new Uint8Array(128);
const VALUE = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyz-") KEY[c.charCodeAt(0)] = VALUE[c.charCodeAt(0)] = 1;
for (const c of "0123456789.:,/[]") VALUE[c.charCodeAt(0)] = 1;

export function isSafeLine(line: string): boolean {
  const eq = line.indexOf("=");
  if (eq < 1 || eq === line.length - 1) return false;
  for (let i = 0; i < eq; i++) if (KEY[line.charCodeAt(i)] !== 1) return false;
  for (let i = eq + 1; i < line.length; i++) if (VALUE[line.charCodeAt(i)] !== 1) return false;
  return true;
}

function directive(line: string): string {
  if (!isSafeLine(line)) throw new Error("refusing to write an unsafe dnsmasq line");
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
