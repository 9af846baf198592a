import "server-only";
import { AppError } from "@/lib/errors";
import type { Network } from "@/lib/generated/prisma/client";

// Which networks take new hosts. Container networks hold child networks,
// not hosts; reserved and deprecated networks keep the hosts they have but
// take no new ones. Used by every path that places a host in a network:
// create, update (moving an address in), bulk, allocate and import.

/** The statuses of networks that take new hosts (a database read may ask for them: readNetworkAndInside). */
export const ALLOCATABLE_STATUSES: readonly string[] = ["active"];

export function isAllocatable(network: Pick<Network, "status">): boolean {
  return ALLOCATABLE_STATUSES.includes(network.status);
}

/** Why a new host cannot be placed in `network`, as the error to throw, or null. */
export function allocationRefusal(network: Pick<Network, "status" | "network" | "cidr" | "id">): AppError | null {
  const prefix = `${network.network}/${network.cidr}`;
  if (network.status === "container") {
    return new AppError("network_is_container", `Network ${prefix} is a container: it holds child networks, not hosts. Allocate in one of its children`, { network_id: network.id });
  }
  if (network.status !== "active") {
    return new AppError("network_not_allocatable", `Network ${prefix} is ${network.status}: it keeps its hosts but takes no new ones`, { network_id: network.id });
  }
  return null;
}

export function assertAllocatable(network: Pick<Network, "status" | "network" | "cidr" | "id">): void {
  const refusal = allocationRefusal(network);
  if (refusal) throw refusal;
}
