import { forwardRef, type SelectHTMLAttributes } from "react";
import { controlClass, fieldIds, FieldLabel, FieldMessages } from "./field-parts";

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
  const ids = fieldIds(name, id, error, hint);
  const { inputId, describedBy } = ids;
  return (
    <div className={className}>
      <FieldLabel inputId={inputId} label={label} required={required} />
      <select
        ref={ref}
        id={inputId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={controlClass(error)}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <FieldMessages ids={ids} error={error} hint={hint} />
    </div>
  );
});
