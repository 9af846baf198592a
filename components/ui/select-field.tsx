import { forwardRef, type SelectHTMLAttributes } from "react";

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

/** Labelled <select> with the same error and hint wiring as Field. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, name, error, hint, required, className = "", id, options, ...rest },
  ref,
) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      {/* The marker sits beside the label, not in it, so the label's text is exactly the field's name. */}
      <div className="flex items-baseline gap-0.5">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">{label}</label>
        {required && <span className="text-sm text-red-600" aria-hidden>*</span>}
      </div>
      <select
        ref={ref}
        id={inputId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500 ${error ? "border-red-500" : "border-slate-300"}`}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      {hint && !error && <p id={hintId} className="mt-1 text-xs text-slate-500">{hint}</p>}
      <p id={errorId} aria-live="polite" className="mt-1 min-h-0 text-xs text-red-600">{error}</p>
    </div>
  );
});
