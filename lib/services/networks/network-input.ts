import type { Network } from "@/lib/generated/prisma/client";
import { networkSchema, type NetworkData, type NetworkPatchData } from "@/lib/schemas/network";

/** The stored network in input form: a PATCH is merged over this and validated like a PUT. */
export function networkAsInput(row: Network): Record<string, unknown> {
  return {
    network: row.network, cidr: row.cidr, name: row.name, domain: row.domain, vlan_id: row.vlanId,
    description: row.description, location: row.location, gateway: row.gateway,
    dhcp_start: row.dhcpStart, dhcp_end: row.dhcpEnd, status: row.status, utilization_threshold: row.utilizationThreshold,
  };
}

/**
 * A parsed PATCH merged over the stored network, validated as a whole (the
 * cross-field rules: a new pool must fit the stored prefix). "network":
 * "10.0.1.0/23" without "cidr" replaces the stored length too.
 */
export function mergeNetworkPatch(row: Network, patch: NetworkPatchData): NetworkData {
  const sent = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const merged = { ...networkAsInput(row), ...sent };
  if (typeof sent.network === "string" && sent.network.includes("/") && sent.cidr === undefined) delete merged.cidr;
  return networkSchema.parse(merged);
}
