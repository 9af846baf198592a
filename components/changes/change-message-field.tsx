import { forwardRef } from "react";
import { Field, type FieldProps } from "@/components/ui/field";
import { CHANGE_MESSAGE_MAX } from "@/lib/schemas/change";

/** The optional "why" of an edit, shown in the change log beside the diff. */
export const ChangeMessageField = forwardRef<HTMLInputElement, Omit<FieldProps, "label">>(function ChangeMessageField(props, ref) {
  return (
    <Field
      ref={ref}
      label="Change message"
      hint="Optional: why, for the change log"
      placeholder="e.g. moved to the new rack"
      maxLength={CHANGE_MESSAGE_MAX}
      autoComplete="off"
      {...props}
    />
  );
});
