import { forwardRef, type TextareaHTMLAttributes } from "react";
import { controlClass, fieldIds, FieldLabel, FieldMessages } from "./field-parts";

export interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

/** Labelled <textarea> with the same error and hint wiring as Field. */
export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(function TextareaField(
  { label, name, error, hint, required, className = "", id, ...rest },
  ref,
) {
  const ids = fieldIds(name, id, error, hint);
  const { inputId, describedBy } = ids;
  return (
    <div className={className}>
      <FieldLabel inputId={inputId} label={label} required={required} />
      <textarea
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
