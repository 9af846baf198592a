import { AppError } from "@/lib/errors";

// A browser attaches the session cookie to any request for this site, even
// one a page on another origin makes it send: a form with
// enctype="text/plain" can post a JSON-looking body to /api/v1 without a
// CORS preflight. So a write that rides on the cookie must prove it comes
// from our own pages (Origin, or Sec-Fetch-Site when a browser leaves Origin
// out) and must use a media type a plain form cannot send (JSON makes the
// browser preflight a cross-origin call). Token clients attach their
// credentials themselves, so none of this applies to them.

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What a cookie-authenticated write may send unless its route declares other types (e.g. an upload). */
export const JSON_ONLY: readonly string[] = ["application/json"];

/**
 * Refuses a cross-origin (403) or non-JSON (415) write made with the session
 * cookie. `accepts` lists the media types the route reads; the origin check
 * holds for every one of them.
 */
export function assertCookieWriteAllowed(req: Request, accepts: readonly string[] = JSON_ONLY): void {
  if (!WRITE_METHODS.has(req.method.toUpperCase())) return;
  if (!isSameOrigin(req)) {
    throw new AppError("forbidden", "A signed-in browser may only write from this site's own pages; scripts send Authorization: Bearer <token>");
  }
  const mediaType = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!accepts.includes(mediaType)) {
    throw new AppError("unsupported_media_type", `Send the body as ${accepts.join(" or ")}${mediaType ? `, not ${mediaType}` : ""}`, { accepts: [...accepts] });
  }
}

/**
 * True when the browser says the request comes from this site. Only the host
 * (with its port) is compared: behind a TLS-terminating proxy the app sees
 * http:// while the page's Origin says https://.
 */
function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return req.headers.get("sec-fetch-site") === "same-origin";
  let host: string;
  try {
    host = new URL(origin).host; // "null" (sandboxed frames, data: pages) does not parse
  } catch {
    return false;
  }
  return host !== "" && (host === req.headers.get("host") || host === new URL(req.url).host);
}
