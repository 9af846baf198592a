import type { Network } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/** The stored network in input form: a PATCH is merged over this and parsed like a PUT. */
export function networkAsInput(row: Network): Record<string, unknown> {
  return {
    network: row.network, cidr: row.cidr, name: row.name, domain: row.domain, vlan_id: row.vlanId,
    description: row.description, location: row.location, gateway: row.gateway,
    dhcp_start: row.dhcpStart, dhcp_end: row.dhcpEnd,
  };
}

export function assertObject(input: unknown): asserts input is Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new AppError("validation_error", "Expected a JSON object", { _: ["Expected a JSON object"] });
  }
}

/** PATCH merge; "network": "10.0.1.0/23" without "cidr" replaces the stored length too. */
export function mergeNetworkPatch(row: Network, patch: unknown): Record<string, unknown> {
  assertObject(patch);
  const merged = { ...networkAsInput(row), ...patch };
  if (typeof patch.network === "string" && patch.network.includes("/") && !("cidr" in patch)) delete merged.cidr;
  return merged;
}
