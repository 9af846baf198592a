import type { Handler } from "@/tests/authorization/api-routes";

// One request to a route handler, as Next would make it, from a prepared
// case: its params, query and JSON body, with whatever headers the caller
// brings (a Bearer token, a session cookie, an Origin).

export interface Prepared {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Sent as JSON (a string is sent as-is). */
  body?: unknown;
  /** Checks that an allowed write did what it says. */
  effect?: (reply: Reply) => Promise<void>;
}

export interface Reply {
  status: number;
  text: string;
  json: () => any;
}

export async function sendPrepared(
  handler: Handler,
  method: string,
  prepared: Prepared,
  headers: Record<string, string>,
  contentType: string | null = "application/json",
): Promise<Reply> {
  const url = new URL("http://localhost/api/v1/x");
  for (const [k, v] of Object.entries(prepared.query ?? {})) url.searchParams.set(k, v);
  const all: Record<string, string> = { host: "localhost", ...headers };
  let body: string | undefined;
  if (prepared.body !== undefined) {
    body = typeof prepared.body === "string" ? prepared.body : JSON.stringify(prepared.body);
    if (contentType) all["content-type"] = contentType;
  }
  const res = await handler(new Request(url, { method, headers: all, body }), { params: Promise.resolve(prepared.params ?? {}) });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

export const bearer = (token: string | null | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** One call of the API matrix: a route file's method, who may call it, and how to make a fresh call. */
export interface RouteCase {
  /** "METHOD /path" as tests/authorization/api-routes.ts names the route. */
  key: string;
  /** Tells apart several cases of one route (own vs. someone else's). */
  variant?: string;
  needs: import("@/lib/auth/roles").Role | "public";
  ok: number;
  /** What a caller below `needs` gets, when not 403 (someone else's token is "not found" to a non-admin). */
  denied?: number;
  prepare?: (caller: import("@/tests/authorization/callers").Caller) => Promise<Prepared>;
}
