/** Label/value rows for calculator results; values are monospace and selectable. */
export function OutputTable({ rows, testId }: { rows: Array<[string, React.ReactNode]>; testId?: string }) {
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row" className="w-40 py-1.5 pr-3 text-left align-top font-medium text-slate-500">{label}</th>
            <td className="break-all py-1.5 font-mono text-slate-900" data-label={label}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ErrorText({ children }: { children: React.ReactNode }) {
  return <p role="status" className="text-sm text-red-600">{children}</p>;
}

export function PrefixList({ items, testId }: { items: string[]; testId?: string }) {
  return (
    <ul className="max-h-72 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 font-mono text-sm" data-testid={testId}>
      {items.map((item) => (
        <li key={item} className="border-b border-slate-100 px-3 py-1 last:border-0">{item}</li>
      ))}
    </ul>
  );
}
