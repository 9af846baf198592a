import type { AddressState } from "@/lib/ipam/states";
import type { NetworkStatus } from "@/lib/schemas/fields";

// Words and colours for the address states of lib/ipam/states.ts, shared by
// the Utilization card and the address map legend so both say the same
// thing about the same numbers.
//
// Every pair of text and background colour has at least 4.5:1 contrast
// (WCAG 1.4.3: the map's cells carry their last octet as text); the fills
// differ in hue and lightness, and "not allocatable" is dashed, so no two
// states that can sit side by side look alike.

export const addressStateStyles: Record<AddressState, { label: string; className: string }> = {
  free: { label: "Free", className: "border-slate-400 bg-white text-slate-700 hover:border-indigo-500 hover:bg-indigo-50" },
  active: { label: "Active", className: "border-emerald-800 bg-emerald-700 text-white" },
  reserved: { label: "Reserved", className: "border-amber-600 bg-amber-300 text-amber-950" },
  inactive: { label: "Inactive", className: "border-slate-500 bg-slate-300 text-slate-800" },
  gateway: { label: "Gateway", className: "border-indigo-800 bg-indigo-600 text-white" },
  dhcp_pool: { label: "DHCP pool", className: "border-sky-400 bg-sky-100 text-sky-800" },
  child_network: { label: "Child networks", className: "border-violet-400 bg-violet-100 text-violet-800" },
  network_address: { label: "Network address", className: "border-slate-800 bg-slate-700 text-white" },
  broadcast_address: { label: "Broadcast", className: "border-slate-800 bg-slate-700 text-white" },
  blocked: { label: "Not allocatable", className: "border-dashed border-slate-400 bg-slate-100 text-slate-600" },
};

/**
 * The same colours for the address map's cells, set once on the map instead
 * of on each of up to 1,024 cells (that markup was most of a /22 page's
 * HTML): every `[data-state=…]` element inside gets its state's classes.
 * Spelled out because Tailwind only generates classes it finds written in
 * the source; address-states.test.ts checks it matches addressStateStyles.
 * An underscore in a Tailwind arbitrary value means a space, hence the
 * escaped `\_` (in String.raw, so the class names keep the backslash).
 */
export const addressMapCellStyles = [
  "**:data-[state=free]:border-slate-400 **:data-[state=free]:bg-white **:data-[state=free]:text-slate-700 **:data-[state=free]:hover:border-indigo-500 **:data-[state=free]:hover:bg-indigo-50",
  "**:data-[state=active]:border-emerald-800 **:data-[state=active]:bg-emerald-700 **:data-[state=active]:text-white",
  "**:data-[state=reserved]:border-amber-600 **:data-[state=reserved]:bg-amber-300 **:data-[state=reserved]:text-amber-950",
  "**:data-[state=inactive]:border-slate-500 **:data-[state=inactive]:bg-slate-300 **:data-[state=inactive]:text-slate-800",
  "**:data-[state=gateway]:border-indigo-800 **:data-[state=gateway]:bg-indigo-600 **:data-[state=gateway]:text-white",
  String.raw`**:data-[state=dhcp\_pool]:border-sky-400 **:data-[state=dhcp\_pool]:bg-sky-100 **:data-[state=dhcp\_pool]:text-sky-800`,
  String.raw`**:data-[state=child\_network]:border-violet-400 **:data-[state=child\_network]:bg-violet-100 **:data-[state=child\_network]:text-violet-800`,
  String.raw`**:data-[state=network\_address]:border-slate-800 **:data-[state=network\_address]:bg-slate-700 **:data-[state=network\_address]:text-white`,
  String.raw`**:data-[state=broadcast\_address]:border-slate-800 **:data-[state=broadcast\_address]:bg-slate-700 **:data-[state=broadcast\_address]:text-white`,
  "**:data-[state=blocked]:border-dashed **:data-[state=blocked]:border-slate-400 **:data-[state=blocked]:bg-slate-100 **:data-[state=blocked]:text-slate-600",
].join(" ");

/** Display order: what can be taken first, then what is taken and by what. */
export const addressStateOrder: AddressState[] = [
  "free", "active", "reserved", "inactive", "gateway", "dhcp_pool", "child_network", "network_address", "broadcast_address", "blocked",
];

/** "blocked" means different things by status: a container's uncovered space, or a retired network's. */
export function addressStateLabel(state: AddressState, status: NetworkStatus): string {
  if (state !== "blocked") return addressStateStyles[state].label;
  return status === "container" ? "Not in a child network" : `Not allocatable (${status})`;
}
