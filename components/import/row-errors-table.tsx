import type { ImportRowError } from "@/components/import/upload-import";

const kinds = {
  errors: { caption: "Rows that failed validation", testId: "import-errors", heading: "Problem", noun: "problems" },
  repairs: { caption: "Values repaired so their rows can be imported", testId: "import-repairs", heading: "Repair", noun: "repairs" },
};

/** The rows a file would fail on, or what repair=true changed: line (CSV), item (JSON) or old id (database), field and message. */
export function RowErrorsTable({ errors, total, kind = "errors" }: { errors: ImportRowError[]; total: number; kind?: keyof typeof kinds }) {
  const { caption, testId, heading, noun } = kinds[kind];
  const withTable = errors.some((e) => e.table);
  return (
    <div>
      <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {withTable && <th scope="col" className="px-3 py-2">Table</th>}
              <th scope="col" className="px-3 py-2">Row</th>
              <th scope="col" className="px-3 py-2">Field</th>
              <th scope="col" className="px-3 py-2">{heading}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((e, i) => (
              <tr key={`${e.table}-${e.row}-${e.field}-${i}`}>
                {withTable && <td className="px-3 py-1.5 text-slate-600">{e.table}</td>}
                <td className="px-3 py-1.5 font-mono text-slate-900">{e.row}</td>
                <td className="px-3 py-1.5 font-mono text-slate-700">{e.field === "_" ? "(row)" : e.field}</td>
                <td className="px-3 py-1.5 text-slate-700">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > errors.length && <p className="mt-2 text-xs text-slate-500">Showing the first {errors.length} of {total} {noun}.</p>}
    </div>
  );
}
