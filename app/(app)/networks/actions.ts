"use server";
import { z } from "zod";
import { requireActionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/action-result";
import { allocateSchema } from "@/lib/schemas/host";
import { availableSubnetsQuery } from "@/lib/schemas/ip";
import { networkInputSchema, networkPatchSchema } from "@/lib/schemas/network";
import { createNetwork } from "@/lib/services/networks/create-network";
import { deleteNetwork } from "@/lib/services/networks/delete-network";
import { listAvailableSubnets } from "@/lib/services/networks/list-available-subnets";
import { updateNetwork } from "@/lib/services/networks/update-network";
import { allocateIp } from "@/lib/services/ip/allocate-ip";

// Each action can be POSTed directly, so each checks the session and role
// itself and parses its input with the shared schema; the service parses
// again and enforces the rules, exactly as for the REST API.

const id = z.number().int().positive();

/** New network form and "create this subnet" in the planner. */
export async function createNetworkAction(input: unknown): Promise<ActionResult<{ id: number; prefix: string }>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    networkInputSchema.parse(input);
    const network = await createNetwork(actor, input);
    return { id: network.id, prefix: network.prefix };
  });
}

/** Edit form: only the fields on the form change (PATCH semantics). */
export async function updateNetworkAction(networkId: number, input: unknown): Promise<ActionResult<{ id: number; prefix: string }>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    networkPatchSchema.parse(input);
    const network = await updateNetwork(actor, id.parse(networkId), input, { partial: true });
    return { id: network.id, prefix: network.prefix };
  });
}

export async function deleteNetworkAction(networkId: number): Promise<ActionResult<undefined>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    await deleteNetwork(actor, id.parse(networkId));
    return undefined;
  });
}

/** Subnet planner: the free child prefixes of one length (a read; viewers may plan). */
export async function planSubnetsAction(networkId: number, cidr: number): Promise<ActionResult<string[]>> {
  return runAction(async () => {
    const actor = await requireActionActor("viewer");
    const query = availableSubnetsQuery.parse({ cidr, limit: 64 });
    const result = await listAvailableSubnets(actor, id.parse(networkId), query);
    return result.items.map((item) => item.prefix);
  });
}

/** "Allocate next IP": the service picks and inserts the address in one transaction. */
export async function allocateIpAction(networkId: number, input: unknown): Promise<ActionResult<{ id: number; ip_address: string }>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    allocateSchema.parse(input);
    const host = await allocateIp(actor, id.parse(networkId), input);
    const first = "items" in host ? host.items[0] : host;
    return { id: first.id, ip_address: first.ip_address };
  });
}
