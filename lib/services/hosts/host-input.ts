import type { Host } from "@/lib/generated/prisma/client";
import { assertObject } from "@/lib/services/networks/network-input";

/** The stored host in input form: a PATCH is merged over this and parsed like a PUT. */
export function hostAsInput(row: Host): Record<string, unknown> {
  return {
    ip_address: row.ipAddress, hostname: row.hostname, cname: row.cname, mac_address: row.macAddress,
    description: row.description, status: row.status, last_seen: row.lastSeen?.toISOString() ?? null,
    discovery_source: row.discoverySource,
  };
}

export function mergeHostPatch(row: Host, patch: unknown): Record<string, unknown> {
  assertObject(patch);
  return { ...hostAsInput(row), ...patch };
}
