// The wiring every labelled form control shares (Field, SelectField,
// TextareaField, CheckboxField): ids, aria-describedby, the label with its
// required marker, and the hint and error lines that screen readers announce.

export interface FieldIds { inputId: string; errorId: string; hintId: string; describedBy: string | undefined }

export function fieldIds(name: string, id: string | undefined, error?: string, hint?: string): FieldIds {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  // Only ids that are on screen: FieldMessages hides the hint while an error shows, and a
  // reference to a missing element describes nothing (and fails aria-valid-attr-value).
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return { inputId, errorId, hintId, describedBy };
}

/** The classes of a text-like control (input, select, textarea), red-bordered with an error. */
export function controlClass(error?: string): string {
  return `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500 ${error ? "border-red-500" : "border-slate-300"}`;
}

export function FieldLabel({ inputId, label, required }: { inputId: string; label: string; required?: boolean }) {
  return (
    // The marker sits beside the label, not in it, so the label's text is exactly the field's name.
    <div className="flex items-baseline gap-0.5">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">{label}</label>
      {required && <span className="text-sm text-red-600" aria-hidden>*</span>}
    </div>
  );
}

export function FieldMessages({ ids, error, hint }: { ids: FieldIds; error?: string; hint?: string }) {
  return (
    <>
      {hint && !error && <p id={ids.hintId} className="mt-1 text-xs text-slate-500">{hint}</p>}
      <p id={ids.errorId} aria-live="polite" className="mt-1 min-h-0 text-xs text-red-600">{error}</p>
    </>
  );
}
