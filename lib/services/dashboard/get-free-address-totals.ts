import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { countStates } from "@/lib/ipam";
import { authorize } from "@/lib/services/authorize";
import { loadAddressStates } from "@/lib/services/networks/load-address-states";

export interface FreeAddressTotals {
  /** Decimal strings: IPv6 totals exceed any JavaScript number. */
  ipv4: string;
  ipv6: string;
}

/**
 * Free addresses over the managed space: the sum of every network's
 * allocatable count (lib/ipam countStates "free"). Each address is free in
 * at most one network, its innermost (a parent's free space excludes its
 * children), so the sum counts nothing twice, and it agrees with what
 * next-ip and available-ips can hand out.
 */
export async function getFreeAddressTotals(actor: Actor): Promise<FreeAddressTotals> {
  authorize(actor, "viewer");
  const rows = await getDb().network.findMany();
  const totals = { 4: 0n, 6: 0n };
  for (const input of await loadAddressStates(rows)) totals[input.prefix.family] += countStates(input).free;
  return { ipv4: totals[4].toString(), ipv6: totals[6].toString() };
}
