"use client";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format-date";
import { changeKinds, type ChangeKind, type ChangeRow, type ChangeSet } from "@/lib/schemas/discovery";

// The change set as a table with a checkbox per row that can be applied.
// Missing rows and rows a rule refuses have no checkbox. Large sets are
// shown a page at a time; "select all" takes every applicable row of the filter.

const PAGE = 200;
const kindStyle: Record<ChangeKind, string> = {
  new: "bg-emerald-50 text-emerald-700",
  changed: "bg-amber-50 text-amber-700",
  seen: "bg-slate-100 text-slate-600",
  missing: "bg-red-50 text-red-700",
};

export function ChangeSetTable({ set, onApply, applying }: { set: ChangeSet; onApply: (rows: ChangeRow[]) => void; applying: boolean }) {
  const [filter, setFilter] = useState<ChangeKind | "all">("all");
  const [page, setPage] = useState(0);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const rows = useMemo(() => (filter === "all" ? set.rows : set.rows.filter((r) => r.kind === filter)), [set, filter]);
  const shown = rows.slice(page * PAGE, (page + 1) * PAGE);
  const applicable = rows.filter((r) => r.applicable);
  const toggle = (ip: string) => setChosen((prev) => {
    const next = new Set(prev);
    if (!next.delete(ip)) next.add(ip);
    return next;
  });
  const selected = set.rows.filter((r) => r.applicable && chosen.has(r.ip_address));

  return (
    <div className="space-y-3" data-testid="change-set">
      <p className="text-sm text-slate-600">
        {set.network ? <>Network <span className="font-mono">{set.network.prefix}</span>, </> : null}
        observed {formatDate(set.observed_at)}: {set.summary.new} new, {set.summary.changed} changed, {set.summary.seen} seen, {set.summary.missing} missing
        {set.summary.outside ? `, ${set.summary.outside} outside the network (left out)` : ""}
        {set.summary.problems ? `, ${set.summary.problems} with problems` : ""}.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-sm text-slate-600">
          Show{" "}
          <select className="rounded-md border border-slate-300 px-2 py-1 text-sm" value={filter} onChange={(e) => { setFilter(e.target.value as ChangeKind | "all"); setPage(0); }}>
            <option value="all">all rows</option>
            {changeKinds.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <Button variant="secondary" type="button" onClick={() => setChosen(new Set(applicable.map((r) => r.ip_address)))} disabled={applicable.length === 0}>
          Select all {applicable.length} applicable
        </Button>
        <Button variant="secondary" type="button" onClick={() => setChosen(new Set())} disabled={chosen.size === 0}>Clear</Button>
        <Button type="button" pending={applying} disabled={selected.length === 0} onClick={() => onApply(selected)} data-testid="apply-selected">
          Apply {selected.length} selected
        </Button>
      </div>
      <div className="relative overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="px-2 py-2"><span className="sr-only">Choose</span></th>
              <th className="px-2 py-2">Change</th>
              <th className="px-2 py-2">Address</th>
              <th className="px-2 py-2">Hostname</th>
              <th className="px-2 py-2">MAC</th>
              <th className="px-2 py-2">Stored</th>
              <th className="px-2 py-2">Problems</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((r) => (
              <tr key={`${r.kind}-${r.ip_address}`} data-testid="change-row" data-ip={r.ip_address}>
                <td className="px-2 py-1.5">
                  {r.applicable && (
                    <input type="checkbox" aria-label={`Apply ${r.kind} ${r.ip_address}`} checked={chosen.has(r.ip_address)} onChange={() => toggle(r.ip_address)} />
                  )}
                </td>
                <td className="px-2 py-1.5"><span className={`rounded px-1.5 py-0.5 text-xs font-medium ${kindStyle[r.kind]}`}>{r.kind}</span></td>
                <td className="px-2 py-1.5 font-mono">{r.ip_address}</td>
                <td className="px-2 py-1.5">{r.hostname ?? "—"}{r.changes.includes("hostname") && <span className="ml-1 text-xs text-amber-700">(was {r.current?.hostname ?? "none"})</span>}</td>
                <td className="px-2 py-1.5 font-mono">{r.mac_address ?? "—"}{r.changes.includes("mac_address") && <span className="ml-1 text-xs text-amber-700">(was {r.current?.mac_address ?? "none"})</span>}</td>
                <td className="px-2 py-1.5 text-xs text-slate-500">{r.current ? `${r.current.status}, last seen ${formatDate(r.current.last_seen)}` : "no host"}</td>
                <td className="px-2 py-1.5 text-xs text-red-700">{r.problems.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > PAGE && (
        <div className="flex items-center gap-2 text-sm text-slate-600">
          <Button variant="secondary" type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</Button>
          Rows {page * PAGE + 1}–{Math.min(rows.length, (page + 1) * PAGE)} of {rows.length}
          <Button variant="secondary" type="button" disabled={(page + 1) * PAGE >= rows.length} onClick={() => setPage(page + 1)}>Next</Button>
        </div>
      )}
    </div>
  );
}
