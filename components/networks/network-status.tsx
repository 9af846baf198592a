import { networkStatuses, type NetworkStatus } from "@/lib/schemas/fields";

// A network's status in words: what it means for new hosts is the part a
// user needs (container and reserved/deprecated networks take none).

export const networkStatusText: Record<NetworkStatus, { label: string; meaning: string; className: string }> = {
  active: { label: "Active", meaning: "takes new hosts", className: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  reserved: { label: "Reserved", meaning: "keeps its hosts, takes no new ones", className: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  deprecated: { label: "Deprecated", meaning: "keeps its hosts, takes no new ones", className: "bg-slate-100 text-slate-600 ring-slate-500/20" },
  container: { label: "Container", meaning: "holds child networks, not hosts", className: "bg-violet-50 text-violet-700 ring-violet-600/20" },
};

export const networkStatusOptions = networkStatuses.map((status) => ({
  value: status,
  label: `${networkStatusText[status].label} — ${networkStatusText[status].meaning}`,
}));

export function NetworkStatusBadge({ status }: { status: NetworkStatus }) {
  const text = networkStatusText[status] ?? networkStatusText.active;
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${text.className}`}
      title={`${text.label}: ${text.meaning}`}
      data-testid="network-status"
      data-status={status}
    >
      {text.label}
    </span>
  );
}
