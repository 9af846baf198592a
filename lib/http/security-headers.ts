// The security headers of every response, in one place: next.config.ts sets
// the fixed ones on every path (pages, API, static files, 404s); proxy.ts
// sets the Content-Security-Policy, with a fresh nonce per page request.
// Pure (no Next, no env) so both can import it and a unit test can read it.

/** Fixed headers: never framed (clickjacking: the network page has a Delete button), no MIME sniffing, no full URLs to other sites. */
export const FIXED_SECURITY_HEADERS = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
} as const;

export const CSP_HEADER = "Content-Security-Policy";

export interface CspOptions {
  /**
   * Pages: Next puts this nonce on its own inline and bundle scripts (it reads
   * it back from the request's CSP header) and 'strict-dynamic' trusts what
   * those load. Without a nonce (API responses, the Swagger UI page, whose
   * scripts are all files) only same-origin script files run.
   */
  nonce?: string;
  /** `next dev` only: React rebuilds server error stacks with eval. Never in a production build. */
  dev?: boolean;
}

/**
 * The Content-Security-Policy value. No 'unsafe-eval' (outside `next dev`),
 * no inline script without the nonce.
 *
 * style-src allows 'unsafe-inline' on purpose: React `style={{…}}` attributes
 * (utilization bars) and the <style> element Sonner inserts at run time carry
 * no nonce, and a browser ignores 'unsafe-inline' as soon as a nonce is
 * listed, so a nonce here would break them. Injected CSS cannot run script;
 * script-src is what stops XSS.
 *
 * No `upgrade-insecure-requests`: the app is often served over plain HTTP on
 * a LAN, where upgrading its own requests to HTTPS would break every page.
 */
export function contentSecurityPolicy({ nonce, dev = false }: CspOptions = {}): string {
  // 'self' beside a nonce only matters to CSP2 browsers; CSP3 ones ignore it under 'strict-dynamic'.
  const script = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"];
  if (dev) script.push("'unsafe-eval'");
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": script,
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** A fresh nonce: 128 random bits, base64 (CSP nonce-source syntax). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
