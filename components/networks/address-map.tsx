"use client";
import Link from "next/link";
import { useState } from "react";
import { addressStateLabel, addressStateOrder, addressStateStyles } from "@/components/networks/address-states";
import type { NetworkStatus } from "@/lib/schemas/fields";
import type { AddressMap, AddressMapCell } from "@/lib/services/views/get-address-map";

function describe(cell: AddressMapCell, status: NetworkStatus): string {
  const parts = [cell.ip, addressStateLabel(cell.state, status)];
  if (cell.host) parts.push(cell.host.hostname ?? "(no hostname)", cell.host.status);
  if (cell.host?.mac_address) parts.push(cell.host.mac_address);
  if (cell.subnet) parts.push(`in ${cell.subnet.prefix}${cell.subnet.name ? ` (${cell.subnet.name})` : ""}`);
  return parts.join(" · ");
}

function href(cell: AddressMapCell, networkId: number, canWrite: boolean): string | null {
  if (cell.host) return `/hosts/${cell.host.id}`;
  if (cell.subnet) return `/networks/${cell.subnet.id}`;
  if (cell.state === "free" && canWrite) return `/hosts/new?ip=${encodeURIComponent(cell.ip)}&network_id=${networkId}`;
  return null;
}

/**
 * One cell per address, coloured by state. Hover (or keyboard focus) shows
 * the host in the bar above; a free cell opens "new host" with the address
 * filled in (editors only).
 */
export function AddressMapView({ map, networkId, status, canWrite }: { map: AddressMap; networkId: number; status: NetworkStatus; canWrite: boolean }) {
  const [hovered, setHovered] = useState<AddressMapCell | null>(null);
  // A /22 or /23 is shown as its /24 blocks, so the last octet in each cell is unambiguous.
  const blocks: AddressMapCell[][] = [];
  for (let i = 0; i < map.cells.length; i += 256) blocks.push(map.cells.slice(i, i + 256));
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-600" aria-label="Legend" data-testid="address-map-legend">
        {addressStateOrder.filter((state) => state === "free" || state === "active" || map.counts[state] > 0).map((state) => (
          <li key={state} className="flex items-center gap-1.5" data-state={state}>
            <span className={`h-3.5 w-3.5 rounded-sm border ${addressStateStyles[state].className}`} aria-hidden />
            {addressStateLabel(state, status)}
            <span className="tabular-nums text-slate-400" data-testid={`legend-${state}`}>{map.counts[state].toLocaleString("en-US")}</span>
          </li>
        ))}
      </ul>
      <div className="min-h-9 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" aria-live="polite" data-testid="address-map-info">
        {hovered ? describe(hovered, status) : <span className="text-slate-400">Hover over an address to see its host{canWrite ? "; click a free one to add a host" : ""}.</span>}
      </div>
      <div className="space-y-4" data-testid="address-map" onMouseLeave={() => setHovered(null)}>
        {blocks.map((block) => (
          <div key={block[0].ip}>
            {blocks.length > 1 && (
              <p className="mb-1 font-mono text-xs font-medium text-slate-500">{block[0].ip}/24</p>
            )}
            <div className="grid grid-cols-8 gap-1 sm:grid-cols-16 xl:grid-cols-32">
              {block.map((cell) => {
                const target = href(cell, networkId, canWrite);
                const octet = cell.ip.slice(cell.ip.lastIndexOf(".") + 1);
                const className = `flex h-8 items-center justify-center rounded border text-[11px] font-medium tabular-nums transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-1 ${addressStateStyles[cell.state].className}`;
                const common = {
                  title: describe(cell, status),
                  "data-ip": cell.ip,
                  "data-state": cell.state,
                  onMouseEnter: () => setHovered(cell),
                  onFocus: () => setHovered(cell),
                };
                return target ? (
                  <Link key={cell.ip} href={target} prefetch={false} aria-label={describe(cell, status)} className={className} {...common}>
                    {octet}
                  </Link>
                ) : (
                  <span key={cell.ip} className={className} {...common}>{octet}</span>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
