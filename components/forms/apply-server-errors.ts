"use client";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import type { ErrorCode } from "@/lib/errors";

/**
 * Puts a server action's field errors under the matching inputs and raises an
 * error toast. `aliases` sends errors of fields the form has no input for to
 * the input that holds them (a network's `cidr` is typed in the prefix field).
 * `byCode` places an error that names no field under the input it is about
 * (a 409 network_is_container is about the address).
 */
export function applyServerErrors<T extends FieldValues, C, O>(
  form: UseFormReturn<T, C, O>,
  result: Extract<ActionResult<unknown>, { ok: false }>,
  aliases: Partial<Record<string, Path<T>>> = {},
  byCode: Partial<Record<ErrorCode, Path<T>>> = {},
) {
  let shown = false;
  const values = form.getValues();
  for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
    const field = aliases[key] ?? key;
    if (field in values) {
      form.setError(field as Path<T>, { type: "server", message: messages.join(" ") }, { shouldFocus: !shown });
      shown = true;
    }
  }
  const fallback = byCode[result.code];
  if (!shown && fallback) {
    form.setError(fallback, { type: "server", message: result.message }, { shouldFocus: true });
    shown = true;
  }
  toast.error(shown && result.code === "validation_error" ? "Please correct the highlighted fields" : result.message);
}
