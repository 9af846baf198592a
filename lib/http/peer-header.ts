import { timingSafeEqual } from "node:crypto";
import { canonicalAddress } from "./canonical-address";

// Next's route handlers and pages see headers, never the socket. Our server
// (scripts/serve.ts) writes the socket's address into this header, over any
// copy the client sent, prefixed with a key made at boot and held only in
// that process's environment. Under a plain `next start` nobody writes it,
// a client could, and without the key it reads as "unknown".

export const PEER_HEADER = "x-ipam-peer";

export function peerHeaderValue(key: string, address: string | null): string {
  return `${key} ${address ?? ""}`;
}

/** The address in a header written by our server with `key`; null if absent, forged or without a key. */
export function readPeerHeader(value: string | null, key: string | undefined): string | null {
  if (!value || !key) return null;
  const space = value.indexOf(" ");
  if (space < 0) return null;
  const given = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return canonicalAddress(value.slice(space + 1));
}
