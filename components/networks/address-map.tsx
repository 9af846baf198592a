import { AddressMapGrid } from "@/components/networks/address-map-grid";
import { encodeAddressMap } from "@/components/networks/address-map-data";
import { addressStateLabel, addressStateOrder, addressStateStyles } from "@/components/networks/address-states";
import type { NetworkStatus } from "@/lib/schemas/fields";
import type { AddressMap } from "@/lib/services/views/get-address-map";

/**
 * One cell per address, coloured by state, with its legend. Rendered on the
 * server; the cells go to the browser in the compact form of
 * address-map-data.ts and are drawn by AddressMapGrid (keyboard grid, info
 * bar, links to the host or to "new host here" for editors).
 */
export function AddressMapView({ map, networkId, status, canWrite }: { map: AddressMap; networkId: number; status: NetworkStatus; canWrite: boolean }) {
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-600" aria-label="Legend" data-testid="address-map-legend">
        {addressStateOrder.filter((state) => state === "free" || state === "active" || map.counts[state] > 0).map((state) => (
          <li key={state} className="flex items-center gap-1.5" data-state={state}>
            <span className={`h-3.5 w-3.5 rounded-sm border ${addressStateStyles[state].className}`} aria-hidden />
            {addressStateLabel(state, status)}
            <span className="tabular-nums text-slate-600" data-testid={`legend-${state}`}>{map.counts[state].toLocaleString("en-US")}</span>
          </li>
        ))}
      </ul>
      <AddressMapGrid data={encodeAddressMap(map)} networkId={networkId} status={status} canWrite={canWrite} />
    </div>
  );
}
