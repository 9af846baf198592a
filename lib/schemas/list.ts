import { z } from "zod";
import { hostStatuses, normalizeMac, optionalText } from "@/lib/schemas/fields";
import { normalizeDnsName } from "@/lib/schemas/dns";

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

const familyParam = z.enum(["4", "6"], { error: "family must be 4 or 6" }).transform(Number).optional();
const text = (label: string) => optionalText(label, 253);

export const networkSortFields = [
  "network", "prefix", "cidr", "name", "domain", "vlan_id", "location", "family", "id", "created_at", "updated_at",
] as const;
export type NetworkSortField = (typeof networkSortFields)[number];

export const networkListQuery = z.object({
  ...pageQuery,
  sort: sortParam(networkSortFields, "network"),
  name: text("name").meta({ description: "Exact name" }),
  domain: text("domain").transform((v) => (v ? normalizeDnsName(v) : v)).meta({ description: "Exact domain (case-insensitive)" }),
  vlan_id: intParam("vlan_id", 1, 4094).optional(),
  location: text("location").meta({ description: "Exact location" }),
  family: familyParam,
  parent_id: idFilter("parent_id").meta({ description: 'Child networks of this network; "null" for top-level networks' }),
});
export type NetworkListQuery = z.output<typeof networkListQuery>;

export const hostSortFields = [
  "ip_address", "hostname", "mac_address", "status", "network_id", "family", "id", "created_at", "updated_at", "last_seen",
] as const;
export type HostSortField = (typeof hostSortFields)[number];

export const hostListQuery = z.object({
  ...pageQuery,
  sort: sortParam(hostSortFields, "ip_address"),
  hostname: text("hostname").transform((v) => (v ? normalizeDnsName(v) : v)).meta({ description: "Exact hostname (case-insensitive)" }),
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
