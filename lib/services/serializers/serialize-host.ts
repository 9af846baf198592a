import type { Host } from "@/lib/generated/prisma/client";
import type { HostOut } from "@/lib/schemas/responses";
import type { HostStatus } from "@/lib/schemas/fields";

/** DB row → the API object. */
export function serializeHost(row: Host): HostOut {
  return {
    id: row.id,
    ip_address: row.ipAddress,
    family: row.family === 6 ? 6 : 4,
    hostname: row.hostname,
    cname: row.cname,
    mac_address: row.macAddress,
    description: row.description,
    status: row.status as HostStatus,
    network_id: row.networkId,
    last_seen: row.lastSeen?.toISOString() ?? null,
    discovery_source: row.discoverySource,
    allow_duplicate_name: row.allowDuplicateName,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
