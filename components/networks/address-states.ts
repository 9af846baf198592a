import type { AddressState } from "@/lib/ipam/states";
import type { NetworkStatus } from "@/lib/schemas/fields";

// Words and colours for the address states of lib/ipam/states.ts, shared by
// the Utilization card and the address map legend so both say the same
// thing about the same numbers.

export const addressStateStyles: Record<AddressState, { label: string; className: string }> = {
  free: { label: "Free", className: "border-slate-200 bg-white text-slate-500 hover:border-indigo-400 hover:bg-indigo-50" },
  active: { label: "Active", className: "border-emerald-600 bg-emerald-500 text-white" },
  reserved: { label: "Reserved", className: "border-amber-500 bg-amber-300 text-amber-950" },
  inactive: { label: "Inactive", className: "border-slate-400 bg-slate-300 text-slate-700" },
  gateway: { label: "Gateway", className: "border-indigo-700 bg-indigo-600 text-white" },
  dhcp_pool: { label: "DHCP pool", className: "border-sky-300 bg-sky-100 text-sky-800" },
  child_network: { label: "Child networks", className: "border-violet-300 bg-violet-100 text-violet-800" },
  network_address: { label: "Network address", className: "border-slate-700 bg-slate-700 text-white" },
  broadcast_address: { label: "Broadcast", className: "border-slate-700 bg-slate-700 text-white" },
  blocked: { label: "Not allocatable", className: "border-dashed border-slate-300 bg-slate-50 text-slate-400" },
};

/** Display order: what can be taken first, then what is taken and by what. */
export const addressStateOrder: AddressState[] = [
  "free", "active", "reserved", "inactive", "gateway", "dhcp_pool", "child_network", "network_address", "broadcast_address", "blocked",
];

/** "blocked" means different things by status: a container's uncovered space, or a retired network's. */
export function addressStateLabel(state: AddressState, status: NetworkStatus): string {
  if (state !== "blocked") return addressStateStyles[state].label;
  return status === "container" ? "Not in a child network" : `Not allocatable (${status})`;
}
