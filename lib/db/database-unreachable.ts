import { EnvError, redactDatabaseUrl } from "@/lib/env";

// `npm start`, `npm run db:migrate` and `npm run admin` connect first to
// migrate. A server that is down, a wrong host, port, database or password:
// each stops them with one line that names DATABASE_URL and never shows the
// password. An EnvError, so every entry point prints it as it prints a bad
// variable: the message alone.
export class DatabaseUnreachableError extends EnvError {}

/** The error for a failed connection to `url` (DATABASE_URL), with the password removed everywhere. */
export function databaseUnreachable(url: string, error: unknown): DatabaseUnreachableError {
  let reason = reasonOf(error);
  for (const password of passwordsOf(url)) reason = reason.split(password).join("***");
  reason = reason.replace(/\s+/g, " ").trim();
  return new DatabaseUnreachableError(`Cannot connect to the database in DATABASE_URL (${redactDatabaseUrl(url)}): ${reason}`, { cause: error });
}

// "localhost" tries ::1 and 127.0.0.1: Node reports an AggregateError with an empty message.
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return reasonOf(error.errors[error.errors.length - 1]);
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}

/** The password as written in the URL and as decoded (either may reach a driver's message). */
function passwordsOf(url: string): string[] {
  const written = /^[a-z]+:\/\/[^:@/]*:([^/?#]*)@/.exec(url)?.[1] ?? "";
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // Not valid percent-encoding: only the written form can appear.
  }
  return [written, decoded].filter((p) => p.length > 0);
}
