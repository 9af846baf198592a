import { z } from "zod";
import { embeddedIPv4PrefixProblem, formatPrefix, parsePrefix, type Family, type Prefix } from "@/lib/ipam";
import {
  cidrField, descriptionField, domainField, networkStatusField, optionalAddress, optionalInteger, optionalName, optionalText, readOnly, requiredText, vlanIdField,
  type NetworkStatus,
} from "@/lib/schemas/fields";
import { networkProblems } from "@/lib/schemas/network-rules";

// A network as written by forms, the API and importers. `network` is either
// an address with a separate `cidr` or a prefix ("10.0.0.0/24").

export const networkWritableFields = {
  network: requiredText("Network", 64).meta({ description: "Network address, or a prefix such as 10.0.0.0/24", example: "10.0.0.0" }),
  cidr: cidrField.meta({ description: "Prefix length; optional when `network` is written as a prefix", example: 24 }),
  name: optionalName("Name", 100).meta({ example: "office" }),
  domain: domainField.meta({ example: "office.example.com" }),
  vlan_id: vlanIdField.meta({ example: 10 }),
  description: descriptionField,
  location: optionalText("Location", 200),
  gateway: optionalAddress("Gateway").meta({ example: "10.0.0.1" }),
  dhcp_start: optionalAddress("DHCP start").meta({ example: "10.0.0.100" }),
  dhcp_end: optionalAddress("DHCP end").meta({ example: "10.0.0.199" }),
  // "" and null (an empty CSV cell, a form's empty select) mean the default,
  // so the original's files, which have no status, import as active.
  status: z.union([networkStatusField, z.literal(""), z.null()], { error: "Status must be active, reserved, deprecated or container" }).optional()
    .transform((v): NetworkStatus | undefined => v || undefined)
    .meta({ description: "active (default), reserved or deprecated (keep their hosts, take no new ones), container (holds child networks, not hosts)", example: "active" }),
  utilization_threshold: optionalInteger("Utilization threshold", 1, 100)
    .meta({ description: "Percent at or above which the network is flagged (`over_threshold`); null or omitted: the server's default (UTILIZATION_WARN_PERCENT, 80)", example: 90 }),
};

export const networkReadOnlyFields = {
  id: readOnly("Assigned by the server"),
  prefix: readOnly("Derived from network and cidr"),
  family: readOnly("Derived"),
  broadcast_address: readOnly("Derived"),
  netmask: readOnly("Derived"),
  parent_id: readOnly("Derived: the smallest enclosing network"),
  total_hosts: readOnly("Derived"),
  used_hosts: readOnly("Derived"),
  available_hosts: readOnly("Derived"),
  allocatable_hosts: readOnly("Derived"),
  states: readOnly("Derived"),
  utilization: readOnly("Derived"),
  over_threshold: readOnly("Derived"),
  created_at: readOnly("Set by the server"),
  updated_at: readOnly("Set by the server"),
};

/** Unknown keys are rejected; read-only keys are accepted and dropped. */
export const networkInputSchema = z.strictObject({ ...networkWritableFields, ...networkReadOnlyFields });
export type NetworkInput = z.input<typeof networkInputSchema>;

/** What a service stores, after canonicalization and the cross-field rules. */
export interface NetworkData {
  prefix: Prefix;
  network: string;
  cidr: number;
  family: Family;
  name: string | null;
  domain: string | null;
  vlan_id: number | null;
  description: string | null;
  location: string | null;
  gateway: string | null;
  dhcp_start: string | null;
  dhcp_end: string | null;
  status: NetworkStatus;
  /** Percent; null: the default (UTILIZATION_WARN_PERCENT). */
  utilization_threshold: number | null;
}

type Parsed = z.output<typeof networkInputSchema>;

type PrefixOrProblem = { prefix: Prefix } | { path: "network" | "cidr"; message: string };

function resolvePrefix(v: Pick<Parsed, "network" | "cidr">): PrefixOrProblem {
  const [address, suffix] = v.network.split("/", 2);
  if (suffix !== undefined && v.cidr != null && String(v.cidr) !== suffix.trim()) {
    return { path: "cidr", message: `CIDR /${v.cidr} disagrees with the /${suffix} in the network` };
  }
  const length = suffix !== undefined ? undefined : v.cidr;
  if (suffix === undefined && length == null) return { path: "cidr", message: "CIDR is required (or write the network as 10.0.0.0/24)" };
  try {
    const prefix = parsePrefix(suffix !== undefined ? v.network : address, length ?? undefined);
    const embedded = embeddedIPv4PrefixProblem(prefix);
    return embedded ? { path: "network", message: `${formatPrefix(prefix)}: ${embedded}` } : { prefix };
  } catch (error) {
    return { path: "network", message: (error as Error).message };
  }
}

/** The fields the cross-field rules read; the rules run whenever these parsed, whatever else failed. */
const CROSS_FIELD_KEYS = new Set(["network", "cidr", "gateway", "dhcp_start", "dhcp_end"]);

/**
 * The prefix and the gateway/DHCP-pool rules. A refinement with `when`, not
 * part of the transform, so it still runs when an unrelated field (a name, a
 * VLAN) failed: a form shows every field's error in one round.
 */
function checkCrossFields(v: Parsed, ctx: z.RefinementCtx): void {
  const resolved = resolvePrefix(v);
  if (!("prefix" in resolved)) {
    ctx.addIssue({ code: "custom", path: [resolved.path], message: resolved.message });
    return;
  }
  const problems = networkProblems({ prefix: resolved.prefix, gateway: v.gateway ?? null, dhcp_start: v.dhcp_start ?? null, dhcp_end: v.dhcp_end ?? null });
  for (const [path, messages] of Object.entries(problems)) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
  }
}

/** Runs only after checkCrossFields passed, so the prefix resolves. */
function toNetworkData(v: Parsed): NetworkData {
  const resolved = resolvePrefix(v);
  if (!("prefix" in resolved)) throw new Error(`toNetworkData: ${resolved.message}`);
  const { prefix } = resolved;
  const [network] = formatPrefix(prefix).split("/");
  return {
    prefix, network, cidr: prefix.length, family: prefix.family,
    name: v.name ?? null, domain: v.domain ?? null, vlan_id: v.vlan_id ?? null,
    description: v.description ?? null, location: v.location ?? null,
    gateway: v.gateway ?? null, dhcp_start: v.dhcp_start ?? null, dhcp_end: v.dhcp_end ?? null,
    status: v.status ?? "active",
    utilization_threshold: v.utilization_threshold ?? null,
  };
}

/** POST and PUT body (a PUT replaces every writable field). */
export const networkSchema = networkInputSchema
  .superRefine(checkCrossFields, { when: (payload) => !payload.issues.some((issue) => CROSS_FIELD_KEYS.has(String(issue.path?.[0]))) })
  .transform(toNetworkData);

/**
 * POST /networks: one network, or a non-empty array created all or nothing. Parsed by
 * the shape of the body, so an item's problem is reported under
 * "<index>.<field>" rather than hidden in a union's "Invalid input".
 */
export const networkOrNetworksSchema = z.unknown().transform((value, ctx): NetworkData | NetworkData[] => {
  const result = Array.isArray(value) ? z.array(networkSchema).min(1, "Send at least one network").safeParse(value) : networkSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ ...issue } as never);
  return z.NEVER;
});

/** PATCH body: any subset; the service merges it over the stored network and validates the whole with networkSchema. */
export const networkPatchSchema = networkInputSchema.partial();
export type NetworkPatch = z.input<typeof networkPatchSchema>;
/** A parsed PATCH body: only the keys the request sent. */
export type NetworkPatchData = z.output<typeof networkPatchSchema>;

/** POST /networks/{id}/subnets: the new child's fields; its prefix is chosen by the server. */
export const createSubnetSchema = z.strictObject({
  ...networkWritableFields,
  ...networkReadOnlyFields,
  network: readOnly("Chosen by the server"),
  cidr: z.number({ error: "CIDR is required" }).int("CIDR must be a whole number").min(0).max(128).meta({ example: 26 }),
});
export type CreateSubnetInput = z.input<typeof createSubnetSchema>;
export type CreateSubnetData = z.output<typeof createSubnetSchema>;
