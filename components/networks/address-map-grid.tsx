"use client";
import Link from "next/link";
import { memo, useId, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from "react";
import { decodeAddressMap, mapPrefix, offsetOfIp, type AddressMapData, type MapCell } from "@/components/networks/address-map-data";
import { cellAfterKey, MAP_COLUMNS } from "@/components/networks/address-map-keys";
import { addressMapCellStyles } from "@/components/networks/address-states";
import type { NetworkStatus } from "@/lib/schemas/fields";

/** A /22 or /23 is shown as its /24 blocks, so the last octet in each cell is unambiguous. */
const BLOCK = 256;

// Cell looks, set once on the map rather than on every cell (see addressMapCellStyles).
const cellStyles =
  "**:data-ip:flex **:data-ip:h-7 **:data-ip:items-center **:data-ip:justify-center **:data-ip:rounded **:data-ip:border " +
  "**:data-ip:text-[11px] **:data-ip:font-medium **:data-ip:tabular-nums **:data-ip:transition-colors " +
  "**:data-ip:focus:outline-none **:data-ip:focus-visible:ring-2 **:data-ip:focus-visible:ring-indigo-600 **:data-ip:focus-visible:ring-offset-1 " +
  addressMapCellStyles;

/**
 * One row of 16 addresses. The focusable element carries the address's
 * label and data-ip/data-state: a link when the cell leads somewhere (host,
 * child network, "new host here"), else the gridcell itself. Only the
 * current cell is in the tab order (roving tabindex).
 */
const Row = memo(function Row({ cells, start, current }: { cells: MapCell[]; start: number; current: number }) {
  return (
    <div role="row" className="grid grid-cols-8 gap-1 sm:grid-cols-16">
      {cells.slice(start, start + MAP_COLUMNS).map((cell, i) => {
        const attributes = { tabIndex: start + i === current ? 0 : -1, "aria-label": cell.label, "data-ip": cell.ip, "data-state": cell.state };
        const octet = cell.ip.slice(cell.ip.lastIndexOf(".") + 1);
        return cell.href ? (
          <div key={cell.ip} role="gridcell">
            <Link href={cell.href} prefetch={false} {...attributes}>{octet}</Link>
          </div>
        ) : (
          <div key={cell.ip} role="gridcell" {...attributes}>{octet}</div>
        );
      })}
    </div>
  );
});

/**
 * The map's cells as WAI-ARIA grids (one per /24): a single tab stop, the
 * arrow keys, Home/End (Ctrl: whole map) and PageUp/PageDown move between
 * cells, Enter follows a cell's link. A screen reader announces the focused
 * cell's label (address, state, hostname); the info bar shows it with the
 * host's details for the pointer or the focus, and is not a live region, so
 * nothing is said twice. The labels are kept short: each is in the HTML 1,024 times.
 */
export function AddressMapGrid({ data, networkId, status, canWrite }: { data: AddressMapData; networkId: number; status: NetworkStatus; canWrite: boolean }) {
  const cells = useMemo(() => decodeAddressMap(data, { networkId, status, canWrite }), [data, networkId, status, canWrite]);
  const [current, setCurrent] = useState(0);
  const [shown, setShown] = useState<number | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const id = useId();
  const active = Math.min(current, cells.length - 1);

  const offsetOf = (event: SyntheticEvent) => {
    const ip = (event.target as Element).closest?.("[data-ip]")?.getAttribute("data-ip");
    return ip ? offsetOfIp(data, ip) : null;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const from = offsetOf(event);
    if (from === null || event.altKey || event.shiftKey) return;
    const to = cellAfterKey(event.key, event.ctrlKey || event.metaKey, from, cells.length);
    if (to === null) return;
    event.preventDefault();
    setCurrent(to);
    root.current?.querySelector<HTMLElement>(`[data-ip="${cells[to].ip}"]`)?.focus();
  };

  const blocks = Array.from({ length: Math.ceil(cells.length / BLOCK) }, (_, b) => b * BLOCK);
  const single = blocks.length === 1;
  return (
    <>
      <div className="min-h-9 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="address-map-info">
        {shown !== null && cells[shown] ? cells[shown].details : (
          <span className="text-slate-600">
            Point at an address, or Tab into the map and use the arrow keys, to see its host{canWrite ? "; a free one opens a new host form (click or Enter)" : ""}.
          </span>
        )}
      </div>
      <div
        ref={root}
        className={`space-y-4 ${cellStyles}`}
        data-testid="address-map"
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const offset = offsetOf(event);
          if (offset === null) return;
          setCurrent(offset);
          setShown(offset);
        }}
        onMouseOver={(event) => {
          const offset = offsetOf(event);
          if (offset !== null) setShown(offset);
        }}
        onMouseLeave={() => setShown(root.current?.contains(document.activeElement) ? active : null)}
      >
        {blocks.map((start) => (
          <div key={start}>
            {!single && <p id={`${id}-${start}`} className="mb-1 font-mono text-xs font-medium text-slate-600">{cells[start].ip}/24</p>}
            <div
              role="grid"
              className="space-y-1"
              {...(single ? { "aria-label": `Address map of ${mapPrefix(data)}` } : { "aria-labelledby": `${id}-${start}` })}
            >
              {Array.from({ length: Math.ceil(Math.min(BLOCK, cells.length - start) / MAP_COLUMNS) }, (_, r) => {
                const rowStart = start + r * MAP_COLUMNS;
                return <Row key={rowStart} cells={cells} start={rowStart} current={active >= rowStart && active < rowStart + MAP_COLUMNS ? active : -1} />;
              })}
            </div>
          </div>
        ))}
      </div>
    </>
  );
}
