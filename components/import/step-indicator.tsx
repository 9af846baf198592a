const steps = ["Choose a file", "Preview", "Import"] as const;

/** 1 · 2 · 3 at the top of the import page; the current step is announced. */
export function StepIndicator({ current }: { current: 0 | 1 | 2 }) {
  return (
    <ol className="mb-6 flex flex-wrap items-center gap-2 text-sm" aria-label="Import steps">
      {steps.map((label, i) => (
        <li key={label} aria-current={i === current ? "step" : undefined} className="flex items-center gap-2">
          <span className={`grid h-6 w-6 place-items-center rounded-full text-xs font-semibold ${i <= current ? "bg-indigo-600 text-white" : "bg-slate-200 text-slate-600"}`}>
            {i + 1}
          </span>
          <span className={i === current ? "font-medium text-slate-900" : "text-slate-500"}>{label}</span>
          {i < steps.length - 1 && <span className="mx-1 h-px w-6 bg-slate-300" aria-hidden />}
        </li>
      ))}
    </ol>
  );
}
