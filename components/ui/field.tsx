import { forwardRef, type InputHTMLAttributes } from "react";
import { controlClass, fieldIds, FieldLabel, FieldMessages } from "./field-parts";

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

/** Labelled input whose error is announced and linked with aria-describedby. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, name, error, hint, required, className = "", id, ...rest },
  ref,
) {
  const ids = fieldIds(name, id, error, hint);
  const { inputId, describedBy } = ids;
  return (
    <div className={className}>
      <FieldLabel inputId={inputId} label={label} required={required} />
      <input
        ref={ref}
        id={inputId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={controlClass(error)}
        {...rest}
      />
      <FieldMessages ids={ids} error={error} hint={hint} />
    </div>
  );
});
