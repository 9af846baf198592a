import { parseCookieHeader } from "@/lib/auth/session-cookie";

// A stand-in for `next/headers` in tests that call pages' and server
// actions' code outside Next: it serves the headers of the request that
// `setRequest` describes, the way Next's request scope does. Only this
// boundary is replaced; decoding the cookie, the sessions row and the
// user lookup stay the real code.
//
//   vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
//   setRequest({ cookie: (await signInAs(userId)).cookie });   // then call the action
//   setRequest({});                                            // an anonymous request
//   setRequest(null);                                          // no request at all: next/headers throws, as in Next
//   await inRequest({ cookie }, () => action());                // one call, then the previous request again

let current: Headers | null = null;

/** The request the next `headers()` / `cookies()` calls describe; null: outside any request. */
export function setRequest(init: { cookie?: string; headers?: Record<string, string> } | null): void {
  if (init === null) {
    current = null;
    return;
  }
  current = new Headers(init.headers);
  if (init.cookie) current.set("cookie", init.cookie);
}

/** Runs `fn` with the request `init` describes, then puts the previous one back. */
export async function inRequest<T>(init: { cookie?: string; headers?: Record<string, string> }, fn: () => Promise<T>): Promise<T> {
  const previous = current;
  setRequest(init);
  try {
    return await fn();
  } finally {
    current = previous;
  }
}

function scope(name: string): Headers {
  if (!current) throw new Error(`\`${name}\` was called outside a request scope`);
  return current;
}

export async function headers(): Promise<Headers> {
  return scope("headers");
}

export async function cookies() {
  const jar = parseCookieHeader(scope("cookies").get("cookie"));
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    get size() {
      return jar.size;
    },
  };
}

export async function draftMode() {
  return { isEnabled: false };
}
