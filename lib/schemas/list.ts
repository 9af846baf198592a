import { z } from "zod";
import { hostStatuses, normalizeMac, optionalText } from "@/lib/schemas/fields";
import { normalizeDnsName } from "@/lib/schemas/dns";
import { cursorParam } from "@/lib/schemas/cursor";

// Query-string schemas for list endpoints and list pages. Values arrive as
// strings (URLSearchParams, page searchParams); numbers are also accepted so
// the UI can pass its own state. A failure here is a 400, not a 422.

/** A whole number in [min, max] from "12" or 12; "1e2", "0x10" and "" are refused. */
export function intParam(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min} to ${max}`;
  return z
    .union([z.number(), z.string().trim().regex(/^\d{1,16}$/, message)], { error: message })
    .transform(Number)
    .pipe(z.number().int(message).min(min, message).max(max, message));
}

/** An id filter: a positive integer, or "null" for "none". */
function idFilter(label: string) {
  return z.union([z.literal("null").transform(() => null), intParam(label, 1, 2 ** 31 - 1)]).optional();
}

export function sortParam<const F extends string>(fields: readonly F[], fallback: F) {
  const message = `sort must be one of ${fields.join(", ")}, optionally prefixed with "-"`;
  return z
    .string()
    .trim()
    .default(fallback)
    .transform((v, ctx) => {
      const desc = v.startsWith("-");
      const field = (desc ? v.slice(1) : v) as F;
      if (!fields.includes(field)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return { field, desc };
    })
    .meta({ description: message });
}

export const pageQuery = {
  page: intParam("page", 1, 1_000_000).default(1),
  per_page: intParam("per_page", 1, 1000).default(50),
  q: optionalText("q", 200).meta({ description: "Case-insensitive substring of names, addresses, MAC and description" }),
};

/** The keyset cursor of a list that has one (lib/schemas/cursor); with it, `page` is ignored. */
export const cursorQuery = { cursor: cursorParam };

const familyParam = z.enum(["4", "6"], { error: "family must be 4 or 6" }).transform(Number).optional();
const text = (label: string) => optionalText(label, 253);

export const networkSortFields = [
  "network", "prefix", "cidr", "name", "domain", "vlan_id", "location", "family", "id", "created_at", "updated_at",
] as const;
export type NetworkSortField = (typeof networkSortFields)[number];

export const networkListQuery = z.object({
  ...pageQuery,
  ...cursorQuery,
  sort: sortParam(networkSortFields, "network"),
  q: pageQuery.q.meta({ description: "Case-insensitive substring of prefix, name, domain, location and description; an IP address finds every network containing it" }),
  name: text("name").meta({ description: "Name contains this text (ASCII letters in any case)" }),
  domain: text("domain").transform((v) => (v ? normalizeDnsName(v) : v)).meta({ description: "Domain contains this text (ASCII letters in any case)" }),
  vlan_id: intParam("vlan_id", 1, 4094).optional(),
  location: text("location").meta({ description: "Location contains this text (ASCII letters in any case)" }),
  family: familyParam,
  parent_id: idFilter("parent_id").meta({ description: 'Child networks of this network; "null" for top-level networks' }),
  utilization_gte: intParam("utilization_gte", 0, 100).optional().meta({ description: "Networks whose utilization is at least this percent" }),
  over_threshold: z.enum(["true", "false"], { error: "over_threshold must be true or false" }).transform((v) => v === "true").optional()
    .meta({ description: "true: networks at or above their utilization threshold (their own, else UTILIZATION_WARN_PERCENT); false: the others" }),
});
export type NetworkListQuery = z.output<typeof networkListQuery>;

export const hostSortFields = [
  "ip_address", "hostname", "mac_address", "status", "network_id", "family", "id", "created_at", "updated_at", "last_seen",
] as const;
export type HostSortField = (typeof hostSortFields)[number];

export const hostListQuery = z.object({
  ...pageQuery,
  ...cursorQuery,
  sort: sortParam(hostSortFields, "ip_address"),
  hostname: text("hostname").transform((v) => (v ? normalizeDnsName(v) : v)).meta({ description: "Hostname contains this text (ASCII letters in any case)" }),
  cname: text("cname").transform((v) => (v ? normalizeDnsName(v) : v)).meta({ description: "Hosts having this alias" }),
  status: z.enum(hostStatuses, { error: "status must be active, inactive or reserved" }).optional(),
  mac_address: optionalText("mac_address", 40, normalizeMac).meta({ description: "Exact MAC, any notation" }),
  network_id: idFilter("network_id").meta({ description: 'Hosts whose most specific network is this one; "null" for none' }),
  family: familyParam,
});
export type HostListQuery = z.output<typeof hostListQuery>;

/** GET /networks/{id}/hosts: the host list without the network filter. */
export const networkHostsQuery = hostListQuery.omit({ network_id: true });

/** Turns URLSearchParams into a plain object (the last value of a repeated key wins). */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
