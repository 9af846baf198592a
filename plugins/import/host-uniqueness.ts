import "server-only";
import type { Tx } from "@/lib/db/client";
import { hostsWithAnyAlias, hostsWithHostnames, hostsWithMacs } from "@/lib/db/raw/bulk-import";
import type { PlannedHost } from "@/plugins/import/import-hosts";
import type { RowError } from "@/plugins/import/types";

// The service's uniqueness rules (lib/services/hosts/host-rules.ts) for a
// whole file at once, against the file itself and the database as it will
// be after the import (a host this file updates is judged by its new row).

const updatedIds = (planned: PlannedHost[]) => new Set(planned.flatMap((p) => (p.existingId === null ? [] : [p.existingId])));

/** One MAC per family: dnsmasq cannot give one MAC two addresses of a family. */
export async function checkMacs(tx: Tx, planned: PlannedHost[], errors: RowError[]): Promise<void> {
  const owners = new Map<string, PlannedHost>();
  for (const p of planned) {
    if (!p.data.mac_address) continue;
    const key = `${p.family}|${p.data.mac_address}`;
    const first = owners.get(key);
    if (first) errors.push({ row: p.row, field: "mac_address", message: `MAC ${p.data.mac_address} is also on row ${first.row}` });
    else owners.set(key, p);
  }
  if (owners.size === 0) return;
  const replaced = updatedIds(planned);
  const macs = [...new Set([...owners.values()].map((p) => p.data.mac_address!))];
  for (const h of await hostsWithMacs(tx, macs)) {
    const p = owners.get(`${Number(h.family)}|${h.mac_address}`);
    if (p && p.existingId !== h.id && !replaced.has(h.id)) {
      errors.push({ row: p.row, field: "mac_address", message: `MAC ${h.mac_address} already belongs to host ${h.id} (${h.ip_address})` });
    }
  }
}

/**
 * An alias may be no host's hostname and no other host's alias: dnsmasq
 * replaces a host-record by a cname of the same name and refuses a repeated
 * cname. Checked in both directions, so the order of rows does not matter.
 */
export async function checkAliases(tx: Tx, planned: PlannedHost[], errors: RowError[]): Promise<void> {
  const names = new Map<string, PlannedHost>();
  const aliases = new Map<string, PlannedHost>();
  for (const p of planned) {
    if (p.data.hostname && !names.has(p.data.hostname)) names.set(p.data.hostname, p);
    for (const alias of p.data.cname?.split(",") ?? []) {
      const first = aliases.get(alias);
      if (first) errors.push({ row: p.row, field: "cname", message: `Alias "${alias}" is also an alias on row ${first.row}` });
      else aliases.set(alias, p);
    }
  }
  for (const [alias, p] of aliases) {
    const named = names.get(alias);
    if (named && named !== p) errors.push({ row: p.row, field: "cname", message: `Alias "${alias}" is the hostname on row ${named.row}` });
  }
  if (names.size === 0 && aliases.size === 0) return;
  const replaced = updatedIds(planned);
  for (const h of await hostsWithHostnames(tx, [...aliases.keys()])) {
    const p = aliases.get(h.hostname);
    if (p && p.existingId !== h.id && !replaced.has(h.id)) {
      errors.push({ row: p.row, field: "cname", message: `Alias "${h.hostname}" is the hostname of host ${h.id} (${h.ip_address})` });
    }
  }
  for (const h of await hostsWithAnyAlias(tx)) {
    if (replaced.has(h.id)) continue;
    for (const alias of h.cname.split(",")) {
      const p = aliases.get(alias);
      if (p && p.existingId !== h.id) errors.push({ row: p.row, field: "cname", message: `Alias "${alias}" already belongs to host ${h.id} (${h.ip_address})` });
      const named = names.get(alias);
      if (named && named.existingId !== h.id) errors.push({ row: named.row, field: "hostname", message: `Hostname "${alias}" is an alias of host ${h.id} (${h.ip_address})` });
    }
  }
}
