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
  /** The change would leave no active admin (delete, demote or disable the last one). */
  last_admin: 409,
  payload_too_large: 413,
  /** A signed-in browser's write with a body other than JSON (or the route's upload types). */
  unsupported_media_type: 415,
  validation_error: 422,
  /** Over a rate limit (API calls, sign-in attempts): the answer carries Retry-After. */
  rate_limited: 429,
  internal_error: 500,
  /** The database cannot be reached (down, restarting, connection lost) or stayed locked: try again shortly. */
  database_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string[]>;

/**
 * Appends `messages` under `key`. Keys come from the client (an unknown JSON
 * key, a CSV column), so `errors[key] ??= []` would find Object.prototype's
 * `toString` or `constructor` and `__proto__` would set the prototype. An own
 * property is defined instead; the object stays a plain one, because React
 * refuses to send null-prototype objects back from a server action.
 */
export function addFieldError(errors: FieldErrors, key: string, ...messages: string[]): void {
  if (Object.hasOwn(errors, key)) errors[key].push(...messages);
  else Object.defineProperty(errors, key, { value: [...messages], enumerable: true, writable: true, configurable: true });
}

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
      addFieldError(fields, key, issue.code === "unrecognized_keys" ? "Unknown field" : issue.message);
    }
  }
  return fields;
}

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

// The database is down, restarting or unreachable, the connection broke
// mid-request, or the pool waited too long: Prisma's P1001/P1002/P1017/P2024,
// the adapter's kind, PostgreSQL's 57P0x (shutdown) / 08xxx (connection) /
// 53300 (too many connections), 55P03 (a lock waited past lock_timeout),
// the socket's errno, pg's own messages, and SQLite's lock still held after
// every retry (SQLITE_BUSY, reported as P1008).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE", "SQLITE_BUSY", "SQLITE_CANTOPEN", "55P03"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE = /^timeout expired$|Query read timeout|Cannot open database|unable to open database file|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|database is locked|Can't reach database server/i;

/** True when `error` (or what it wraps) says the database is unavailable rather than that the request is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | null | undefined, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const adapter = (e.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
    const codes = [String(e.code), String(adapter?.originalCode)];
    if (codes.some((c) => UNAVAILABLE_CODES.has(c) || /^(57P0[1-3]|08\w{3}|53300)$/.test(c))) return true;
    if (UNAVAILABLE_KINDS.has(String(adapter?.kind)) || UNAVAILABLE_MESSAGE.test(String(e.message ?? ""))) return true;
    if (e.cause === e) break;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return false;
}

/** Turns anything thrown into an AppError; internals never leak into a 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(zodFieldErrors(error));
  const code = prismaCode(error);
  // A raw INSERT refused by a unique index on PostgreSQL is P2010 wrapping 23505.
  const original = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta?.driverAdapterError?.cause?.originalCode;
  if (code === "P2002" || (code === "P2010" && original === "23505")) return new AppError("conflict", "A record with the same unique value already exists");
  if (code === "P2025") return new AppError("not_found", "Record not found");
  if (isDatabaseUnavailable(error)) {
    // Logged without the error itself: a driver's message may carry the connection string.
    console.error(`Database unavailable: ${code ?? (error as { code?: unknown } | null)?.code ?? "connection error"}`);
    return new AppError("database_unavailable", "The database is unavailable; try again shortly");
  }
  console.error(error);
  return new AppError("internal_error", "Internal server error");
}
