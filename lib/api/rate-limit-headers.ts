import type { RateLimitResult } from "@/lib/services/rate-limits/hit";

// The caller's budget on every counted API response, with the IETF draft's
// names (draft-ietf-httpapi-ratelimit-headers: RateLimit-Reset in seconds
// from now), and Retry-After on a refusal (RFC 9110 §10.2.3).

export function rateLimitHeaders(result: RateLimitResult, now = Date.now()): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(Math.max(0, Math.ceil((result.resetAt.getTime() - now) / 1000))),
  };
  if (!result.allowed) headers["Retry-After"] = String(result.retryAfterSeconds);
  return headers;
}

/** `response` with the headers of `result` (none when the call was not counted). */
export function withRateLimitHeaders(response: Response, result: RateLimitResult | null): Response {
  if (!result) return response;
  const headers = rateLimitHeaders(result);
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    // A Response whose headers are immutable (Response.redirect, a fetched one): copy it.
    const copy = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
