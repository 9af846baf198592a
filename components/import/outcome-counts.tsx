import type { ImportOutcome } from "@/components/import/upload-import";

/** Created / updated / skipped / problems, as four figures. */
export function OutcomeCounts({ outcome, tense }: { outcome: ImportOutcome; tense: "would" | "did" }) {
  const items = [
    { label: tense === "would" ? "To create" : "Created", value: outcome.created, testId: "count-created" },
    { label: tense === "would" ? "To update" : "Updated", value: outcome.updated, testId: "count-updated" },
    { label: tense === "would" ? "To skip" : "Skipped", value: outcome.skipped, testId: "count-skipped" },
    { label: "Problems", value: outcome.errorCount, testId: "count-errors" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-slate-200 px-3 py-2">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{item.label}</dt>
          <dd className={`text-2xl font-semibold ${item.label === "Problems" && item.value > 0 ? "text-red-600" : "text-slate-900"}`} data-testid={item.testId}>
            {item.value.toLocaleString("en")}
          </dd>
        </div>
      ))}
    </dl>
  );
}
