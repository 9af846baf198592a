import { z } from "zod";
import {
  addressField, cnameField, descriptionField, hostnameField, macField, optionalInteger, optionalText, optionalTimestamp, readOnly, statusField,
} from "@/lib/schemas/fields";

/** true/false, also as text (CSV, forms): "true" "1" "on" are true, "false" "0" "" false. */
const flagField = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", "on", ""], { error: "must be true or false" })], { error: "must be true or false" })
  .transform((v) => v === true || v === "true" || v === "1" || v === "on")
  .optional();

// A host (address record) as written by forms, the API and importers.
// `network_id` on input is only a check ("this address must be in network
// 7"); membership itself is always derived from the address.

export const hostWritableFields = {
  ip_address: addressField().meta({ description: "IPv4 or IPv6 address; stored in canonical form", example: "10.0.0.10" }),
  hostname: hostnameField.meta({ description: "RFC 1123 name, stored lowercase", example: "web1" }),
  cname: cnameField.meta({ description: "Comma-separated aliases", example: "www,intranet" }),
  mac_address: macField.meta({ description: "Stored as aa:bb:cc:dd:ee:ff", example: "52:54:00:12:34:56" }),
  description: descriptionField,
  status: statusField.default("active").meta({ example: "active" }),
  network_id: optionalInteger("Network", 1, 2 ** 31 - 1).meta({ description: "Optional check: the network must contain the address" }),
  last_seen: optionalTimestamp("Last seen"),
  discovery_source: optionalText("Discovery source", 100),
  allow_duplicate_name: flagField.meta({
    description: "Round-robin DNS: this host's hostname may share its FQDN with other hosts that set this too (aliases never)",
  }),
};

export const hostReadOnlyFields = {
  id: readOnly("Assigned by the server"),
  family: readOnly("Derived from ip_address"),
  created_at: readOnly("Set by the server"),
  updated_at: readOnly("Set by the server"),
};

/** Unknown keys are rejected; read-only keys are accepted and dropped. */
export const hostInputSchema = z.strictObject({ ...hostWritableFields, ...hostReadOnlyFields });
export type HostInput = z.input<typeof hostInputSchema>;

/** A host may not alias itself: dnsmasq would replace its own record with the cname. Also applied to a merged PATCH. */
export function aliasOwnNameProblem(v: { hostname?: string | null; cname?: string | null }): string | null {
  return v.hostname && v.cname?.split(",").includes(v.hostname) ? `Alias "${v.hostname}" is this host's own hostname` : null;
}

function aliasNotOwnName(v: { hostname?: string | null; cname?: string | null }, ctx: z.RefinementCtx): void {
  const problem = aliasOwnNameProblem(v);
  if (problem) ctx.addIssue({ code: "custom", path: ["cname"], message: problem });
}

/** POST and PUT body (a PUT replaces every writable field). */
export const hostSchema = hostInputSchema.superRefine(aliasNotOwnName).transform((v) => ({
  ip_address: v.ip_address,
  hostname: v.hostname ?? null,
  cname: v.cname ?? null,
  mac_address: v.mac_address ?? null,
  description: v.description ?? null,
  status: v.status,
  network_id: v.network_id ?? null,
  last_seen: v.last_seen ?? null,
  discovery_source: v.discovery_source ?? null,
  allow_duplicate_name: v.allow_duplicate_name ?? false,
}));
export type HostData = z.output<typeof hostSchema>;

/** PATCH body: any subset, each field parsed; the service merges it over the stored host and applies hostSchema's whole-host rules. */
export const hostPatchSchema = hostInputSchema.extend({ status: statusField }).partial(); // no default: an absent status keeps the stored one
export type HostPatch = z.output<typeof hostPatchSchema>;

/**
 * POST /hosts: one host, or a non-empty array of hosts (all or nothing). Parsed by
 * the shape of the body, so an item's problem is reported under
 * "<index>.<field>" rather than hidden in a union's "Invalid input".
 */
export const hostOrHostsSchema = z.unknown().transform((value, ctx): HostData | HostData[] => {
  const result = Array.isArray(value) ? z.array(hostSchema).min(1, "Send at least one host").safeParse(value) : hostSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ ...issue } as never);
  return z.NEVER;
});

/** Fields of the host(s) made by POST /ip/networks/{id}/allocate; the address is chosen by the server. */
export const allocateSchema = z
  .strictObject({
    hostname: hostWritableFields.hostname,
    mac_address: hostWritableFields.mac_address,
    cname: hostWritableFields.cname,
    description: hostWritableFields.description,
    status: hostWritableFields.status,
    discovery_source: hostWritableFields.discovery_source,
    allow_duplicate_name: hostWritableFields.allow_duplicate_name,
    count: z.number({ error: "count must be a whole number" }).int().min(1).max(1000).optional()
      .meta({ description: "Allocate the next `count` free addresses (1–1000); the response is then {items: [...]}" }),
  })
  .superRefine(aliasNotOwnName)
  .superRefine((v, ctx) => {
    if (v.mac_address && (v.count ?? 1) > 1) {
      ctx.addIssue({ code: "custom", path: ["mac_address"], message: "A MAC address can belong to one host only; omit it when count > 1" });
    }
    if (v.cname && (v.count ?? 1) > 1) {
      ctx.addIssue({ code: "custom", path: ["cname"], message: "An alias can belong to one host only; omit cname when count > 1" });
    }
  });
export type AllocateInput = z.input<typeof allocateSchema>;
export type AllocateData = z.output<typeof allocateSchema>;

/** POST /hosts/bulk-status (UI): set one status on many hosts. */
export const bulkHostStatusSchema = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1, "Select at least one host").max(10_000),
  status: statusField,
});
export type BulkHostStatus = z.output<typeof bulkHostStatusSchema>;
export const bulkHostIdsSchema = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1, "Select at least one host").max(10_000),
});
export type BulkHostIds = z.output<typeof bulkHostIdsSchema>;
