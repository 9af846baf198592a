import { formatAddress, tryParseAddress } from "../ipam";

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/**
 * An address as a socket or an X-Forwarded-For entry gives it, in the one
 * form the rest of the app compares: a dual-stack socket reports IPv4 peers
 * as "::ffff:192.0.2.1", a proxy may add brackets or a port ("[2001:db8::1]:443",
 * "192.0.2.1:5000") or a zone ("fe80::1%eth0"). Null for anything else.
 */
export function canonicalAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%[\w.-]+$/, "").replace(MAPPED_V4, "$1");
  const parsed = tryParseAddress(text);
  return parsed ? formatAddress(parsed) : null;
}
