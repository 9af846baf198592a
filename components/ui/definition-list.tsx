/** Two-column facts ("Gateway — 10.0.0.1"); wraps to one column on a phone. */
export function DefinitionList({ items }: { items: Array<{ label: string; value: React.ReactNode; testId?: string }> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <div key={item.label} className="min-w-0">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{item.label}</dt>
          <dd className="mt-0.5 break-words text-sm text-slate-900" data-testid={item.testId}>
            {item.value ?? <span className="text-slate-500">—</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
