import { formatChangeValue, shownFields } from "@/components/changes/change-text";
import type { ChangeOut } from "@/lib/schemas/change";

function Value({ value, tone }: { value: unknown; tone: "before" | "after" }) {
  const text = formatChangeValue(value);
  const none = text === "—";
  const colour = none ? "text-slate-500" : tone === "before" ? "bg-red-50 text-red-900" : "bg-emerald-50 text-emerald-900";
  return <span className={`inline-block max-w-full whitespace-pre-wrap break-all rounded px-1.5 py-0.5 font-mono text-xs ${colour}`}>{text}</span>;
}

/**
 * Only the fields this change changed, before and after side by side; a
 * create has no "before" column and a delete no "after" one.
 */
export function ChangeDiff({ change }: { change: Pick<ChangeOut, "action" | "before" | "after" | "changed_fields"> }) {
  const showBefore = change.action !== "create";
  const showAfter = change.action !== "delete";
  const fields = shownFields(change);
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="change-diff">
        <caption className="sr-only">Changed fields{showBefore && showAfter ? ", before and after" : showAfter ? ", as created" : ", as deleted"}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">Field</th>
            {showBefore && <th scope="col" className="px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">Before</th>}
            {showAfter && <th scope="col" className="px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">After</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {fields.map((field) => (
            <tr key={field} data-field={field}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left align-top font-mono text-xs font-medium text-slate-700">{field}</th>
              {showBefore && <td className="px-3 py-2 align-top" data-testid="diff-before"><Value value={change.before?.[field]} tone="before" /></td>}
              {showAfter && <td className="px-3 py-2 align-top" data-testid="diff-after"><Value value={change.after?.[field]} tone="after" /></td>}
            </tr>
          ))}
        </tbody>
      </table>
      {fields.length === 0 && <p className="px-4 py-6 text-center text-sm text-slate-500">No field differs.</p>}
    </div>
  );
}
