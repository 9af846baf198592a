"use client";
import { statusOptions } from "@/components/hosts/status-options";
import type { BulkHostEditInput } from "@/lib/schemas/host-bulk";
import type { HostStatus } from "@/lib/schemas/fields";

/** The bulk edit form's state: which fields change, and their new values. */
export interface BulkEditChoice {
  status: HostStatus | null;
  description: string | null;
  discovery_source: string | null;
  allow_duplicate_name: boolean | null;
  clear: { hostname: boolean; cname: boolean; mac_address: boolean; last_seen: boolean };
}

export const emptyChoice: BulkEditChoice = {
  status: null, description: null, discovery_source: null, allow_duplicate_name: null,
  clear: { hostname: false, cname: false, mac_address: false, last_seen: false },
};

/** The request's `set`: only the chosen fields ("" clears a text field, as in the host form). */
export function setOf(choice: BulkEditChoice): BulkHostEditInput["set"] {
  const set: Record<string, unknown> = {};
  if (choice.status !== null) set.status = choice.status;
  if (choice.description !== null) set.description = choice.description;
  if (choice.discovery_source !== null) set.discovery_source = choice.discovery_source;
  if (choice.allow_duplicate_name !== null) set.allow_duplicate_name = choice.allow_duplicate_name;
  for (const [field, on] of Object.entries(choice.clear)) if (on) set[field] = null;
  return set as BulkHostEditInput["set"];
}

const CLEARABLE: Array<{ field: keyof BulkEditChoice["clear"]; label: string }> = [
  { field: "hostname", label: "Clear hostname" },
  { field: "cname", label: "Clear aliases (CNAME)" },
  { field: "mac_address", label: "Clear MAC address" },
  { field: "last_seen", label: "Clear last seen" },
];

const box = "h-4 w-4 rounded border-slate-300 accent-indigo-600";
const input = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm disabled:bg-slate-100 disabled:text-slate-500";

/** A field's row: a "Change …" checkbox, and the control it enables. */
function Row({ label, on, onToggle, children }: { label: string; on: boolean; onToggle: (on: boolean) => void; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 sm:grid-cols-[12.5rem_1fr] items-start gap-2">
      <label className="flex items-center gap-2 pt-1.5 text-sm text-slate-700">
        <input type="checkbox" className={box} checked={on} onChange={(e) => onToggle(e.target.checked)} />
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * The fields a bulk edit can set. Address, network and names stay per host:
 * hostname, aliases and MAC can only be cleared (the API's rule, lib/schemas/host-bulk.ts).
 */
export function BulkEditFields({ choice, onChange }: { choice: BulkEditChoice; onChange: (choice: BulkEditChoice) => void }) {
  const set = (patch: Partial<BulkEditChoice>) => onChange({ ...choice, ...patch });
  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">Fields to change</legend>
      <Row label="Change status" on={choice.status !== null} onToggle={(on) => set({ status: on ? "active" : null })}>
        <select aria-label="Status for selected hosts" className={input} disabled={choice.status === null} value={choice.status ?? "active"}
          onChange={(e) => set({ status: e.target.value as HostStatus })}>
          {statusOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </Row>
      <Row label="Change description" on={choice.description !== null} onToggle={(on) => set({ description: on ? "" : null })}>
        <textarea aria-label="Description for selected hosts" rows={2} className={input} disabled={choice.description === null} value={choice.description ?? ""}
          placeholder="Empty clears it" onChange={(e) => set({ description: e.target.value })} />
      </Row>
      <Row label="Change discovery source" on={choice.discovery_source !== null} onToggle={(on) => set({ discovery_source: on ? "" : null })}>
        <input aria-label="Discovery source for selected hosts" className={input} disabled={choice.discovery_source === null} value={choice.discovery_source ?? ""}
          placeholder="Empty clears it" onChange={(e) => set({ discovery_source: e.target.value })} />
      </Row>
      <Row label="Change round-robin DNS" on={choice.allow_duplicate_name !== null} onToggle={(on) => set({ allow_duplicate_name: on ? true : null })}>
        <select aria-label="Round-robin DNS for selected hosts" className={input} disabled={choice.allow_duplicate_name === null}
          value={choice.allow_duplicate_name === false ? "no" : "yes"} onChange={(e) => set({ allow_duplicate_name: e.target.value === "yes" })}>
          <option value="yes">May share its name (round-robin)</option>
          <option value="no">Name must be unique</option>
        </select>
      </Row>
      <div className="flex flex-wrap gap-x-5 gap-y-2 border-t border-slate-100 pt-3">
        {CLEARABLE.map(({ field, label }) => (
          <label key={field} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className={box} checked={choice.clear[field]} onChange={(e) => set({ clear: { ...choice.clear, [field]: e.target.checked } })} />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
