// Where to go after sign-in. `callbackUrl` comes from the address bar, so an
// attacker writes it: string checks like "starts with / but not //" miss
// `/\evil.example` and `/<tab>/evil.example`, which browsers normalise into
// protocol-relative URLs. Resolving it the way the browser will, then
// comparing origins, leaves no such gap.

/** A same-origin path (with query and hash) for `next`, or "/" when it is missing or leaves `origin`. */
export function safeCallbackUrl(next: string | null | undefined, origin: string): string {
  if (!next) return "/";
  let target: URL;
  try {
    target = new URL(next, origin);
  } catch {
    return "/";
  }
  if (target.origin !== new URL(origin).origin) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
