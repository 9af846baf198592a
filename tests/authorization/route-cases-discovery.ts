import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { networkSchema } from "@/lib/schemas/network";
import { createNetwork } from "@/lib/services/networks/create-network";
import type { RouteCase } from "@/tests/authorization/route-request";
import { next } from "@/tests/authorization/fixtures";

// The authorization matrix's calls to discovery: editors preview, scan and
// apply; viewers see stale hosts. Previews write nothing; apply shows its effect.

const SETUP: Actor = { kind: "user", id: 0, name: "matrix setup", role: "admin" };
const db = () => getDb();
const freshAddress = () => {
  const n = next();
  return `198.19.${n >> 8}.${(n & 255) || 1}`;
};

/** 127.0.0.0/29: on this machine's loopback, so the live scan never leaves the host. */
async function loopbackNetwork(): Promise<number> {
  const found = await db().network.findFirst({ where: { network: "127.0.0.0", cidr: 29 } });
  return found?.id ?? (await createNetwork(SETUP, networkSchema.parse({ network: "127.0.0.0/29" }))).id;
}

export const discoveryCases: RouteCase[] = [
  { key: "POST /discovery/[source]", needs: "editor", ok: 200, prepare: async () => {
    const ip = freshAddress();
    return { params: { source: "dnsmasq" }, body: `0 52:54:00:00:00:01 ${ip} printer *\n`, effect: async (reply) => {
      expect(reply.json().rows).toMatchObject([{ kind: "new", ip_address: ip, hostname: "printer" }]);
      expect(await db().host.count({ where: { ipAddress: ip } })).toBe(0);
    } };
  } },
  { key: "POST /discovery/scan", needs: "editor", ok: 200, prepare: async () => {
    const id = await loopbackNetwork();
    return { body: { network_id: id }, effect: async (reply) => expect(reply.json().network.id).toBe(id) };
  } },
  { key: "GET /discovery/scan", needs: "editor", ok: 200 },
  { key: "DELETE /discovery/scan", needs: "editor", ok: 200, prepare: async () => ({ effect: async (reply) => expect(reply.json()).toEqual({ cancelled: false }) }) },
  { key: "POST /discovery/apply", needs: "editor", ok: 200, prepare: async () => {
    const ip = freshAddress();
    return { body: { source: "nmap", observed_at: new Date().toISOString(), rows: [{ kind: "new", ip_address: ip }] }, effect: async () =>
      expect(await db().host.count({ where: { ipAddress: ip, discoverySource: "nmap-xml" } })).toBe(1) };
  } },
  { key: "GET /discovery/stale", needs: "viewer", ok: 200 },
];
