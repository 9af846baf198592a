import { z } from "zod";
import { addressField, hostnameField, hostStatuses, macField, readOnly } from "@/lib/schemas/fields";
import { intParam, pageQuery } from "@/lib/schemas/list";

// Discovery (docs/discovery.md): a source's observations are reconciled into
// a change set; the client sends back the rows it chose and the server checks
// them again against the database as it is then (no change set is stored
// between preview and apply). Browser-safe: no server imports.

/** Files that can be uploaded; "scan" is the live nmap run (POST /discovery/scan). */
export const discoveryUploadSources = ["nmap", "dnsmasq", "kea"] as const;
export type DiscoveryUploadSource = (typeof discoveryUploadSources)[number];
export const discoverySources = [...discoveryUploadSources, "scan"] as const;
export type DiscoverySource = (typeof discoverySources)[number];

/** What the hosts' discovery_source column says for each source. */
export const discoverySourceLabel: Record<DiscoverySource, string> = {
  nmap: "nmap-xml",
  dnsmasq: "dnsmasq-leases",
  kea: "kea-leases",
  scan: "nmap-scan",
};

/**
 * A change set never covers more than a /16 (IPv4) or a /112 (IPv6): the live
 * scan's bound, and the memory bound of an upload's reconciliation.
 */
export const MAX_DISCOVERY_ADDRESSES = 65_536;

/** One address as a source reported it: the text as found, not yet trusted. */
export interface Observation {
  /** Canonical address (the parser refuses the file when one is not an address). */
  ip_address: string;
  mac_address: string | null;
  hostname: string | null;
  /** Line in the file (1-based), for messages; null for a live scan's output. */
  line: number | null;
}

export const changeKinds = ["new", "changed", "seen", "missing"] as const;
export type ChangeKind = (typeof changeKinds)[number];

const currentHost = z.object({
  mac_address: z.string().nullable(),
  hostname: z.string().nullable(),
  status: z.enum(hostStatuses),
  last_seen: z.string().nullable(),
});

export const changeRowOut = z.object({
  kind: z.enum(changeKinds).meta({
    description: "new: an address seen with no host; changed: its MAC or hostname differs; seen: it matches (only last_seen is set); " +
      "missing: a host in the network that was not seen (informational only)",
  }),
  ip_address: z.string(),
  host_id: z.number().int().nullable(),
  line: z.number().int().nullable().meta({ description: "Line of the uploaded file (null for a live scan and for missing rows)" }),
  mac_address: z.string().nullable().meta({ description: "The MAC to write (validated), or null when none was seen or it was refused" }),
  hostname: z.string().nullable().meta({ description: "The hostname to write (validated, the network's domain removed), or null" }),
  changes: z.array(z.enum(["mac_address", "hostname"])).meta({ description: "changed rows: the fields that differ" }),
  current: currentHost.nullable().meta({ description: "The stored host, when there is one" }),
  problems: z.array(z.string()).meta({ description: "Values from the network that were refused (never written), or why the row cannot be applied" }),
  applicable: z.boolean().meta({ description: "Whether POST /discovery/apply would accept this row now" }),
});
export type ChangeRow = z.infer<typeof changeRowOut>;

export const changeSetOut = z.object({
  source: z.enum(discoverySources),
  observed_at: z.string().meta({ description: "When the source saw the addresses: send it back to apply" }),
  network: z.object({ id: z.number().int(), prefix: z.string() }).nullable()
    .meta({ description: "The network the change set was limited to; only then are missing hosts listed" }),
  summary: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    seen: z.number().int(),
    missing: z.number().int(),
    outside: z.number().int().meta({ description: "Addresses outside the chosen network, left out" }),
    problems: z.number().int().meta({ description: "Rows with at least one problem" }),
    prechecked: z.number().int().meta({ description: "New/changed rows put through the host rules up front (the first 1,000); apply checks every row" }),
  }),
  rows: z.array(changeRowOut),
});
export type ChangeSet = z.infer<typeof changeSetOut>;

/** ?network_id= on an upload: limit the change set to one network and list its hosts that were not seen. */
export const discoveryUploadQuery = z.object({
  network_id: intParam("network_id", 1, 2 ** 31 - 1).optional()
    .meta({ description: "Only addresses in this network; its hosts that were not seen are listed as missing" }),
});
export type DiscoveryUploadQuery = z.output<typeof discoveryUploadQuery>;

export const discoveryScanSchema = z.strictObject({
  network_id: z.number({ error: "network_id must be a network's id" }).int().positive()
    .meta({ description: "The network to scan: at most 65,536 addresses (an IPv4 /16, an IPv6 /112)" }),
});
export type DiscoveryScanInput = z.output<typeof discoveryScanSchema>;

const nonNull = <T extends z.ZodType>(field: T) => field.transform((v) => v ?? undefined);

/** A row sent back to apply: the values are untrusted again and go through the host fields' schemas. */
export const applyRowSchema = z.strictObject({
  kind: z.enum(["new", "changed", "seen"], { error: "kind must be new, changed or seen (missing rows are informational)" }),
  ip_address: addressField(),
  host_id: z.number().int().positive().nullable().optional(),
  // Discovery fills in or corrects names and MACs; an absent one is no evidence, so null never clears a stored value.
  mac_address: nonNull(macField),
  hostname: nonNull(hostnameField),
  // A change set's row can be sent back as it came: its report fields are accepted and ignored.
  line: readOnly("From the change set; ignored"),
  changes: readOnly("From the change set; ignored"),
  current: readOnly("From the change set; ignored"),
  problems: readOnly("From the change set; ignored"),
  applicable: readOnly("From the change set; ignored (the server checks each row again)"),
});
export type ApplyRow = z.output<typeof applyRowSchema>;

/** The rows of one apply: all or nothing, so at most what one bulk write takes. */
export const MAX_APPLY_ROWS = 10_000;

export const discoveryApplySchema = z.strictObject({
  source: z.enum(discoverySources, { error: `source must be one of ${discoverySources.join(", ")}` }),
  observed_at: z.iso.datetime({ offset: true, error: "observed_at must be an ISO 8601 timestamp (the change set's)" }),
  rows: z.array(applyRowSchema).min(1, "Choose at least one row").max(MAX_APPLY_ROWS, `At most ${MAX_APPLY_ROWS} rows per apply`),
});
export type DiscoveryApplyInput = z.output<typeof discoveryApplySchema>;

export const applyResultOut = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  seen: z.number().int(),
});
export type ApplyResult = z.infer<typeof applyResultOut>;

export const staleHostsQuery = z.object({
  ...pageQuery,
  days: intParam("days", 1, 36_500).optional().meta({ description: "Not seen for this many days (default STALE_HOST_DAYS)" }),
  network_id: intParam("network_id", 1, 2 ** 31 - 1).optional(),
}).omit({ q: true });
export type StaleHostsQuery = z.output<typeof staleHostsQuery>;

export const scanStateOut = z.object({
  running: z.boolean(),
  network_id: z.number().int().nullable(),
  target: z.string().nullable(),
  started_at: z.string().nullable(),
});
export type ScanState = z.infer<typeof scanStateOut>;
