import { z } from "zod";
import { hostWritableFields } from "@/lib/schemas/host";
import { hostListQuery } from "@/lib/schemas/list";
import { statusField } from "@/lib/schemas/fields";

// Bulk writes on hosts: which hosts (explicit ids, or the hosts list's
// filters with the count the caller saw) and which fields. Browser-safe: the
// bulk edit dialog parses with these too.

/** Most hosts one bulk request may touch; a larger set is refused (413), not cut short. */
export const MAX_BULK_HOSTS = 10_000;

/**
 * The hosts list's filters (GET /hosts without paging and sort). Strict: a
 * misspelt key would otherwise be dropped and the bulk action would hit every host.
 */
export const hostFilterSchema = z.strictObject(
  hostListQuery.pick({ q: true, hostname: true, cname: true, status: true, mac_address: true, network_id: true, family: true }).shape,
);
export type HostFilter = Partial<z.output<typeof hostFilterSchema>>;

const idsField = z.array(z.number().int().positive()).min(1, "Select at least one host").max(MAX_BULK_HOSTS);

/**
 * Explicit ids, or a filter with the number of hosts it matched when the
 * caller looked (`expected_count`): hosts added or removed since then make
 * the request a 409 instead of silently joining or leaving the set.
 */
export const hostSelectionSchema = z
  .strictObject({
    ids: idsField.optional().meta({ description: "These hosts (a missing id: 404, nothing changed)" }),
    filter: hostFilterSchema.optional().meta({ description: "Every host the hosts list shows with these filters ({} = all hosts)" }),
    expected_count: z.number({ error: "expected_count must be a whole number" }).int().min(1).max(MAX_BULK_HOSTS).optional()
      .meta({ description: "With filter: how many hosts it matched when previewed; another count is a 409" }),
  })
  .transform((v, ctx): HostSelection => {
    if (v.ids && !v.filter && v.expected_count === undefined) return { ids: v.ids };
    if (v.filter && !v.ids && v.expected_count !== undefined) return { filter: v.filter, expected_count: v.expected_count };
    const message = v.ids || v.filter ? (v.ids && v.filter ? "Give ids or filter, not both" : v.ids ? "expected_count goes with filter, not ids" : "A filter needs expected_count (the number of hosts it matched when previewed)")
      : "Give ids, or filter and expected_count";
    ctx.addIssue({ code: "custom", path: v.filter && !v.ids && v.expected_count === undefined ? ["expected_count"] : [], message });
    return z.NEVER;
  });
export type HostSelection = { ids: number[] } | { filter: HostFilter; expected_count: number };

const clearOnly = (field: string, why: string) =>
  z.null({ error: `${field} can only be cleared (null) in a bulk edit: ${why}` }).optional()
    .meta({ description: `null clears it on every selected host (${why})` });

/**
 * The fields a bulk edit may set. Address, network and names are per host:
 * hostname, aliases and MAC can only be cleared (one value on many hosts
 * would break their uniqueness rules), last_seen only cleared (it records an
 * observation). Absent = unchanged.
 */
export const bulkHostFieldsSchema = z
  .strictObject({
    status: statusField.optional(),
    description: hostWritableFields.description,
    discovery_source: hostWritableFields.discovery_source,
    allow_duplicate_name: z.boolean({ error: "allow_duplicate_name must be true or false" }).optional()
      .meta({ description: "Round-robin DNS flag (see POST /hosts)" }),
    hostname: clearOnly("hostname", "each host has its own name"),
    cname: clearOnly("cname", "an alias belongs to one host"),
    mac_address: clearOnly("mac_address", "a MAC belongs to one host per family"),
    last_seen: clearOnly("last_seen", "it records when a host was observed"),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), { message: "Choose at least one field to change" });
export type BulkHostFields = z.output<typeof bulkHostFieldsSchema>;
export const bulkHostFieldNames = ["status", "description", "discovery_source", "allow_duplicate_name", "hostname", "cname", "mac_address", "last_seen"] as const;
export type BulkHostField = (typeof bulkHostFieldNames)[number];

/** POST /hosts/bulk-edit: set these fields on these hosts, all or nothing. */
export const bulkHostEditSchema = z.strictObject({ select: hostSelectionSchema, set: bulkHostFieldsSchema });
export type BulkHostEditInput = z.input<typeof bulkHostEditSchema>;
export type BulkHostEdit = z.output<typeof bulkHostEditSchema>;

/** Bulk delete (UI): the same selection. */
export const bulkHostDeleteSchema = z.strictObject({ select: hostSelectionSchema });

export const bulkEditQuery = z.object({
  dry_run: z.enum(["true", "false"], { error: "dry_run must be true or false" }).default("false").transform((v) => v === "true")
    .meta({ description: "Preview: answer what would change, write nothing" }),
});

const fieldValue = z.union([z.string(), z.boolean(), z.null()]);

/** One host the edit changes: only its changed fields, before and after. */
export const bulkEditHostOut = z.object({
  id: z.number().int(),
  ip_address: z.string(),
  hostname: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: fieldValue, after: fieldValue })),
});

export const bulkEditOut = z.object({
  dry_run: z.boolean(),
  matched: z.number().int().meta({ description: "Hosts selected" }),
  changed: z.number().int().meta({ description: "Hosts whose fields change (were changed)" }),
  unchanged: z.number().int().meta({ description: "Selected hosts that already had these values: not written" }),
  hosts: z.array(bulkEditHostOut).meta({ description: "The changed hosts in address order, each with its changed fields" }),
});
export type BulkEditOut = z.output<typeof bulkEditOut>;
export type BulkEditHostOut = z.output<typeof bulkEditHostOut>;
