import { TRACKED_TABLES, type ChangeObjectType, type TrackedTableName } from "@/lib/db/change-tracked-tables";
import type { Host, User } from "@/lib/generated/prisma/client";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { serializeUser } from "@/lib/services/users/serialize-user";
import { serializeApiToken } from "@/lib/services/tokens/serialize-api-token";

// A captured row image (column names as stored, SQLite's 0/1 flags and date
// text, PostgreSQL's to_jsonb) → the object as the API shows it, minus what
// is computed on read (a network's counts and utilization). The API's own
// serializers do the naming, so a snapshot reads like GET /hosts/{id}.

export type Snapshot = Record<string, unknown>;
type Image = Record<string, unknown>;

/** Stored dates: SQLite "2026-12-02T10:00:00.000+00:00" or "2026-12-02 10:00:00", PostgreSQL's "2026-12-02T10:00:00.123" (UTC, no zone). */
function storedDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return new Date(value);
  const text = String(value).replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}

const flag = (value: unknown) => value === true || value === 1 || value === "1" || value === "t" || value === "true";
const int = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function hostSnapshot(i: Image): Snapshot {
  const row = {
    id: Number(i.id), ipAddress: String(i.ip_address), ipKey: String(i.ip_key), family: Number(i.family), hostname: text(i.hostname),
    cname: text(i.cname), macAddress: text(i.mac_address), description: text(i.description), status: String(i.status),
    lastSeen: storedDate(i.last_seen), discoverySource: text(i.discovery_source), networkId: int(i.network_id),
    createdAt: storedDate(i.created_at)!, updatedAt: storedDate(i.updated_at)!, allowDuplicateName: flag(i.allow_duplicate_name),
  } satisfies Host;
  return serializeHost(row);
}

/** The stored fields of NetworkOut, in its order; counts and utilization are computed on read, not changed by a write. */
function networkSnapshot(i: Image): Snapshot {
  return {
    id: Number(i.id), network: String(i.network), cidr: Number(i.cidr), prefix: `${i.network}/${i.cidr}`, family: Number(i.family),
    name: text(i.name), domain: text(i.domain), vlan_id: int(i.vlan_id), description: text(i.description), location: text(i.location),
    gateway: text(i.gateway), dhcp_start: text(i.dhcp_start), dhcp_end: text(i.dhcp_end), parent_id: int(i.parent_id),
    status: String(i.status), utilization_threshold: int(i.utilization_threshold),
    created_at: storedDate(i.created_at)!.toISOString(), updated_at: storedDate(i.updated_at)!.toISOString(),
  };
}

function userSnapshot(i: Image): Snapshot {
  const row = {
    id: Number(i.id), email: String(i.email), name: text(i.name), role: String(i.role), disabled: flag(i.disabled),
    authSource: String(i.auth_source), externalId: text(i.external_id), lastLoginAt: storedDate(i.last_login_at),
    createdAt: storedDate(i.created_at)!, updatedAt: storedDate(i.updated_at)!,
  } satisfies Omit<User, "passwordHash">;
  return serializeUser(row);
}

/** `owner` as the API lists it; the owner's email comes from the caller (the row holds only user_id). */
function tokenSnapshot(i: Image, ownerEmail: (userId: number) => string | null): Snapshot {
  const userId = int(i.user_id);
  return serializeApiToken({
    id: Number(i.id), name: String(i.name), role: String(i.role), tokenHint: String(i.token_hint), readOnly: flag(i.read_only),
    allowedCidrs: String(i.allowed_cidrs ?? ""), expiresAt: storedDate(i.expires_at), lastUsedAt: storedDate(i.last_used_at),
    createdAt: storedDate(i.created_at)!, user: userId === null ? null : { id: userId, email: ownerEmail(userId) ?? "" },
  });
}

export interface SnapshotLookups {
  ownerEmail(userId: number): string | null;
}

export function snapshotOf(table: TrackedTableName, image: Image, lookups: SnapshotLookups): Snapshot {
  switch (table) {
    case "hosts":
      return hostSnapshot(image);
    case "networks":
      return networkSnapshot(image);
    case "users":
      return userSnapshot(image);
    case "api_tokens":
      return tokenSnapshot(image, lookups.ownerEmail);
  }
}

/** How a record names its object in a list: "10.0.0.5 web1", "10.0.0.0/24 Office", an email, a token's name. */
export function reprOf(objectType: ChangeObjectType, s: Snapshot): string {
  switch (objectType) {
    case "host":
      return [s.ip_address, s.hostname].filter(Boolean).join(" ");
    case "network":
      return [s.prefix, s.name].filter(Boolean).join(" ");
    case "user":
      return String(s.email);
    case "api_token":
      return String(s.name);
  }
}

// A table's derived columns keep their names in the API (parent_id,
// network_id, last_seen, last_login_at, last_used_at, updated_at): shown in
// the snapshots, but a difference in them alone is not a change.
const isDerived = (table: TrackedTableName, field: string) => (TRACKED_TABLES[table].derived as readonly string[]).includes(field);

/** The fields whose values differ. */
export function changedFields(before: Snapshot | null, after: Snapshot | null): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null));
}

export function isOnlyDerived(table: TrackedTableName, fields: readonly string[]): boolean {
  return fields.every((f) => isDerived(table, f));
}

export const objectTypeOf = (table: TrackedTableName): ChangeObjectType => TRACKED_TABLES[table].objectType;
