import type { Host } from "@/lib/generated/prisma/client";
import { validationError } from "@/lib/errors";
import { aliasOwnNameProblem, type HostData, type HostPatch } from "@/lib/schemas/host";

/** The stored host as parsed input: what a PATCH is merged over, and what a status-only change re-checks. */
export function hostDataOf(row: Host): HostData {
  return {
    ip_address: row.ipAddress, hostname: row.hostname, cname: row.cname, mac_address: row.macAddress,
    description: row.description, status: row.status as HostData["status"], network_id: null, last_seen: row.lastSeen,
    discovery_source: row.discoverySource, allow_duplicate_name: row.allowDuplicateName,
  };
}

/** PATCH: the given fields over the stored host, then the whole-host shape rule (the batch rules follow in checkHosts). */
export function mergeHostPatch(row: Host, patch: HostPatch): HostData {
  const merged: Record<string, unknown> = { ...hostDataOf(row) };
  for (const key of Object.keys(merged)) {
    const value = (patch as Record<string, unknown>)[key];
    if (value !== undefined) merged[key] = value;
  }
  const data = merged as HostData;
  const problem = aliasOwnNameProblem(data);
  if (problem) throw validationError({ cname: [problem] });
  return data;
}
