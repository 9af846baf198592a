import { forwardRef, type InputHTMLAttributes } from "react";

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

/** A labelled checkbox with the same error and hint wiring as Field. */
export const CheckboxField = forwardRef<HTMLInputElement, CheckboxFieldProps>(function CheckboxField(
  { label, name, error, hint, className = "", id, ...rest },
  ref,
) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input
          ref={ref}
          type="checkbox"
          id={inputId}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-2 focus:ring-indigo-500"
          {...rest}
        />
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">{label}</label>
      </div>
      {hint && !error && <p id={hintId} className="mt-1 text-xs text-slate-500">{hint}</p>}
      <p id={errorId} aria-live="polite" className="mt-1 min-h-0 text-xs text-red-600">{error}</p>
    </div>
  );
});
