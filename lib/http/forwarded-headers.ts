import type { IncomingHttpHeaders } from "node:http";
import type { Prefix } from "../ipam";
import { canonicalAddress } from "./canonical-address";
import { inCidrList } from "./cidr-list";
import { PEER_HEADER, peerHeaderValue } from "./peer-header";

export interface ForwardingPolicy {
  /** The per-boot key of lib/http/peer-header.ts. */
  peerKey: string;
  /** TRUST_PROXY: keep forwarded headers from any peer. */
  trustProxy: boolean;
  /** TRUSTED_PROXIES: peers whose forwarded headers are kept. */
  trustedProxies: readonly Prefix[];
}

/**
 * Run by our server on every request before Next sees it. Next fills the
 * X-Forwarded-* headers only where they are missing (`??=`), so a client
 * talking to us directly could name its own address, host and scheme; from
 * a peer we do not trust they are removed, and Next then fills them from the
 * socket and the Host header. The peer header is always overwritten.
 */
export function prepareForwardedHeaders(headers: IncomingHttpHeaders, remoteAddress: string | undefined, policy: ForwardingPolicy): void {
  const peer = canonicalAddress(remoteAddress);
  if (!policy.trustProxy && !inCidrList(peer, policy.trustedProxies)) {
    for (const name of Object.keys(headers)) {
      if (name.startsWith("x-forwarded-") || name === "forwarded") delete headers[name];
    }
  }
  headers[PEER_HEADER] = peerHeaderValue(policy.peerKey, peer);
}
