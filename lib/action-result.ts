import { headers } from "next/headers";
import { toAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { requestIdOf } from "@/lib/http/request-id";
import { withChangeContext } from "@/lib/services/changes/change-context";

// Server actions return the API's error codes instead of throwing, so forms
// can show field errors under each input.
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; details?: Record<string, unknown> };

/**
 * The field → messages entries of an error's details. A 422 carries only
 * those; a 409 may carry them beside other facts (`{ ip_address: [...],
 * host_id: 7 }`), so the form can put "already in use" under the right input.
 */
function fieldErrorsOf(details: Record<string, unknown> | undefined): FieldErrors | undefined {
  if (!details) return undefined;
  const entries = Object.entries(details).filter(
    (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((m) => typeof m === "string"),
  );
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** This request's id as the server gave it; a new one outside a request (a test calling the action). */
async function actionRequestId(): Promise<string> {
  try {
    return requestIdOf(await headers());
  } catch {
    return requestIdOf(new Headers());
  }
}

/**
 * Runs a server action's body: every write in it is recorded as source "ui"
 * under this request's id (the X-Request-ID of the POST); a form whose input
 * carries a change_message adds it inside with `withChangeMessage`, once
 * parsed (a bad one is a field error like any other).
 */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const requestId = await actionRequestId();
    return { ok: true, data: await withChangeContext({ source: "ui", requestId }, fn) };
  } catch (error) {
    const appError = toAppError(error);
    const details = appError.details as Record<string, unknown> | undefined;
    // The whole details travel too: a 422 may carry more than messages (`suggestion`: a free address outside the DHCP pool).
    return { ok: false, code: appError.code, message: appError.message, fieldErrors: fieldErrorsOf(details), details };
  }
}

/** Runs `fn` with a form's change message (`splitChangeMessage`) on its change records, keeping the request's id and source. */
export function withChangeMessage<T>(message: string | null, fn: () => Promise<T>): Promise<T> {
  return withChangeContext({ message }, fn);
}
