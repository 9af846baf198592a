import { loadEnv } from "../env";
import { canonicalAddress } from "./canonical-address";
import { inCidrList } from "./cidr-list";
import { PEER_HEADER, readPeerHeader } from "./peer-header";

// Who is calling, for rate limits, token CIDRs, session records and proxy
// sign-in. Pass `await headers()` (next/headers) or a Request's headers.

/** The direct peer of the connection, as our server saw it; null under a plain `next start`. */
export function peerAddress(headers: Headers): string | null {
  return readPeerHeader(headers.get(PEER_HEADER), loadEnv().IPAM_PEER_KEY);
}

/**
 * The caller's address: the peer, or, when the peer is one of
 * TRUSTED_PROXIES, the right-most X-Forwarded-For entry that is not (each
 * proxy appends the address it saw; entries left of the first untrusted one
 * may be made up by the client). When every entry is a trusted proxy, the
 * left-most; an entry that is not an address stops the walk at the last
 * trusted hop before it.
 */
export function clientAddress(headers: Headers): string | null {
  const peer = peerAddress(headers);
  const trusted = loadEnv().TRUSTED_PROXIES;
  if (!inCidrList(peer, trusted)) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").filter((hop) => hop.trim() !== "");
  let nearest = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = canonicalAddress(hops[i]);
    if (hop === null) return nearest;
    if (!inCidrList(hop, trusted)) return hop;
    nearest = hop;
  }
  return nearest;
}
