import { ZodError } from "zod";

// One error vocabulary for the REST API, server actions and the CLI.

export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  network_full: 409,
  network_not_empty: 409,
  /** A container holds child networks, not hosts. */
  network_is_container: 409,
  /** A reserved or deprecated network keeps its hosts but takes no new ones. */
  network_not_allocatable: 409,
  payload_too_large: 413,
  validation_error: 422,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** A 422 whose details map each field to its messages; the message names the first problem. */
export function validationError(fields: FieldErrors, message?: string): AppError {
  const first = Object.entries(fields)[0];
  const summary = first ? `Validation failed: ${first[0] === "_" ? "" : `${first[0]}: `}${first[1][0]}` : "Validation failed";
  return new AppError("validation_error", message ?? summary, fields);
}

export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const prefix = issue.path.map(String);
    // Unknown keys are reported under their own names so a form or script sees which one.
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...prefix, k]) : [prefix];
    for (const path of keys) {
      const key = path.length ? path.join(".") : "_";
      (fields[key] ??= []).push(issue.code === "unrecognized_keys" ? "Unknown field" : issue.message);
    }
  }
  return fields;
}

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** Turns anything thrown into an AppError; internals never leak into a 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(zodFieldErrors(error));
  const code = prismaCode(error);
  if (code === "P2002") return new AppError("conflict", "A record with the same unique value already exists");
  if (code === "P2025") return new AppError("not_found", "Record not found");
  console.error(error);
  return new AppError("internal_error", "Internal server error");
}
