import { isIpamError, parsePrefix } from "@/lib/ipam";
import type { ImportType } from "@/plugins/import/types";

// Compatibility with files from the original Flask app (and our own
// exports): its headers ("IP Address"), its derived and bookkeeping columns,
// and its timestamps without a UTC offset. Everything else is left to the
// shared zod schemas, which every row still passes.

/** "IP Address" → "ip_address", "VLAN ID" → "vlan_id". */
export function normalizeColumn(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** Columns that are derived or belong to the other database: read and dropped. */
export const ignoredColumns: Record<ImportType, ReadonlySet<string>> = {
  hosts: new Set(["id", "network_id", "network", "family", "created_at", "updated_at", "is_assigned"]),
  networks: new Set([
    "id", "prefix", "family", "broadcast_address", "netmask", "parent_id", "total_hosts", "used_hosts", "available_hosts",
    "allocatable_hosts", "states", "utilization", "over_threshold", "statistics", "created_at", "updated_at",
  ]),
};

export const writableColumns: Record<ImportType, readonly string[]> = {
  hosts: ["ip_address", "hostname", "cname", "mac_address", "description", "status", "last_seen", "discovery_source", "allow_duplicate_name"],
  networks: ["network", "cidr", "name", "domain", "vlan_id", "description", "location", "gateway", "dhcp_start", "dhcp_end", "status", "utilization_threshold"],
};

// Python's isoformat() and SQLite's CURRENT_TIMESTAMP, both naive UTC.
const NAIVE_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;

/** "2024-05-01 10:00:00.123456" → "2024-05-01T10:00:00.123456Z"; anything else unchanged. */
export function legacyTimestamp(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = NAIVE_TIMESTAMP.exec(value.trim());
  return m ? `${m[1]}T${m[2]}Z` : value;
}

/** A record from a file as schema input: ignored columns dropped, legacy timestamps made explicit. */
export function toInput(type: ImportType, record: Record<string, unknown>): Record<string, unknown> {
  // fromEntries defines own keys: `input[key] = value` with a JSON key
  // "__proto__" would set the prototype instead, dropping the key unreported
  // and letting its object's fields pass for the row's own.
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => !ignoredColumns[type].has(key))
      .map(([key, value]) => [key, key === "last_seen" ? legacyTimestamp(value) : value]),
  );
}

/**
 * The original app stored a network as typed and read it with Python's
 * `ip_network(..., strict=False)`, so its ipam.db may hold 192.168.1.1 / 24
 * for 192.168.1.0/24. Its database rows are taken as it meant them; anything
 * else (an invalid address, a bad length) is left for the schema to report.
 */
export function legacyNetworkPrefix(input: Record<string, unknown>): Record<string, unknown> {
  const { network, cidr } = input;
  if (typeof network !== "string" || (cidr !== undefined && typeof cidr !== "number" && typeof cidr !== "string")) return input;
  try {
    parsePrefix(network, cidr as number | string | undefined);
    return input;
  } catch (error) {
    if (!isIpamError(error) || error.code !== "host_bits_set" || !error.suggestion) return input;
    const meant: Record<string, unknown> = { ...input, network: error.suggestion };
    delete meant.cidr;
    return meant;
  }
}
