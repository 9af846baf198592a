import { addFieldError, AppError, toAppError, zodFieldErrors, type FieldErrors } from "@/lib/errors";
import type { ZodError } from "zod";

// Bulk writes are all or nothing and answer 422 with every failing item's
// messages keyed "<index>.<field>", the way zod reports array paths.

export const MAX_BULK_ITEMS = 10_000;

export function assertBulkSize(inputs: unknown): asserts inputs is unknown[] {
  if (!Array.isArray(inputs)) throw new AppError("validation_error", "Expected an array", { _: ["Expected an array"] });
  if (inputs.length > MAX_BULK_ITEMS) {
    throw new AppError("payload_too_large", `At most ${MAX_BULK_ITEMS} items per request (got ${inputs.length})`);
  }
}

function add(errors: FieldErrors, index: number, fields: FieldErrors): void {
  for (const [field, messages] of Object.entries(fields)) {
    addFieldError(errors, field === "_" ? String(index) : `${index}.${field}`, ...messages);
  }
}

export function addZodItemErrors(errors: FieldErrors, index: number, error: ZodError): void {
  add(errors, index, zodFieldErrors(error));
}

/** Records a per-item failure; anything that is not a client error is rethrown (a 500 stays a 500). */
export function addItemError(errors: FieldErrors, index: number, error: unknown): void {
  const app = toAppError(error);
  if (app.status >= 500) throw error;
  const details = app.details ?? {};
  const fields = Object.fromEntries(Object.entries(details).filter(([, v]) => Array.isArray(v))) as FieldErrors;
  add(errors, index, Object.keys(fields).length ? fields : { _: [app.message] });
}
