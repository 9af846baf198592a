import { randomUUID } from "node:crypto";

// Every answer carries X-Request-ID, and every change record of one request
// shares it (docs/change-log.md). The production server (lib/http/production-server.ts)
// gives each request a fresh one before anything else runs, replacing any
// the client sent, so a client cannot fold its requests into one group;
// handlers read it back from the request (withApi, runAction).

export const REQUEST_ID_HEADER = "x-request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Gives the request a new id (overwriting the client's) and returns it. */
export function assignRequestId(headers: Record<string, string | string[] | undefined>): string {
  const id = randomUUID();
  headers[REQUEST_ID_HEADER] = id;
  return id;
}

/** The id the server gave this request, or a new one where no server did (next dev, tests). */
export function requestIdOf(headers: Pick<Headers, "get">): string {
  const id = headers.get(REQUEST_ID_HEADER);
  return id && UUID.test(id) ? id : randomUUID();
}
