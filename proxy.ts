import { NextResponse, type NextRequest } from "next/server";
import { loadEnv } from "@/lib/env";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { CSP_HEADER, contentSecurityPolicy, newNonce } from "@/lib/http/security-headers";

// Next 16's proxy (formerly middleware): runs before every page and 404, and
// gives each response its Content-Security-Policy (the fixed security headers,
// and the API's nonce-less policy, come from next.config.ts). It never runs
// for /api: a proxy makes Next buffer the request body (10 MB at most, the
// rest cut off), which would break 50 MB imports, and API answers need no nonce. A page gets a fresh nonce:
// Next reads it back from the CSP header we put on the *request* and stamps
// it on its scripts while rendering, which is why the root layout renders
// every page per request (a page prerendered at build time has no nonce).

export function proxy(request: NextRequest): NextResponse {
  const dev = loadEnv().NODE_ENV === "development";
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev });
  const requestHeaders = new Headers(request.headers);
  // Overwrites whatever the client sent under this name.
  requestHeaders.set(CSP_HEADER, policy);
  // The production server (lib/http/production-server.ts) has already given
  // this request a fresh X-Request-ID, on the request and its answer; `next
  // dev` has no such server, so here a page request (and a server action's
  // POST) gets one, always new: the client's would let it pick its group.
  const requestId = dev ? crypto.randomUUID() : null;
  if (requestId) requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set(CSP_HEADER, policy);
  if (requestId) response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Hashed build files need no policy (they are not documents); next.config.ts still marks them nosniff.
  matcher: ["/((?!api(?:/|$)|_next/static|_next/image|favicon\\.ico).*)"],
};
