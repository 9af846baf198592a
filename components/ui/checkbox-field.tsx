import { forwardRef, type InputHTMLAttributes } from "react";
import { fieldIds, FieldMessages } from "./field-parts";

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
  const ids = fieldIds(name, id, error, hint);
  const { inputId, describedBy } = ids;
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
      <FieldMessages ids={ids} error={error} hint={hint} />
    </div>
  );
});
