import { createApiToken } from "@/lib/services/tokens/create-api-token";
import type { Role } from "@/lib/auth/roles";

// Calls route handlers the way Next does, with a real Bearer token: the test
// goes through authentication, the wrapper, the service and SQLite.

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let counter = 0;

/** A fresh API token with `role`, made by the same service the admin CLI uses. */
export async function tokenFor(role: Role): Promise<string> {
  const { token } = await createApiToken(null, { name: `test-${role}-${++counter}`, role });
  return token;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as-is (for malformed JSON tests). */
  rawBody?: string;
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(handler: Handler, method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const url = new URL(`http://localhost/api/v1${path}`);
  for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (text !== undefined) headers["content-type"] = "application/json";
  const response = await handler(new Request(url, { method, headers, body: text }), { params: Promise.resolve(options.params ?? {}) });
  const raw = await response.text();
  const json = (response.headers.get("content-type") ?? "").includes("json");
  return { status: response.status, body: raw ? (json ? JSON.parse(raw) : raw) : null, headers: response.headers };
}
