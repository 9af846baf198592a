import { getDb } from "@/lib/db/client";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createHost } from "@/lib/services/hosts/create-host";
import { networkSchema } from "@/lib/schemas/network";
import { hostSchema } from "@/lib/schemas/host";
import type { Actor } from "@/lib/auth/roles";

// Fresh rows for each call of the matrices, made through the services by a
// setup admin (not by a caller, and not through HTTP: nothing here is what
// is being tested), so each call acts on a target of its own.

const SETUP: Actor = { kind: "user", id: 0, name: "matrix setup", role: "admin" };
let seq = 0;

/** A number unique in this file's run, for names and addresses. */
export const next = () => ++seq;

export async function freshNetwork(): Promise<{ id: string; prefix: string }> {
  const n = next();
  const made = await createNetwork(SETUP, networkSchema.parse({ network: `10.${n >> 8}.${n & 255}.0/24` }));
  return { id: String(made.id), prefix: `${made.network}/${made.cidr}` };
}

export async function freshHost(): Promise<{ id: string; ip: string }> {
  const n = next();
  // 254 addresses per /24 (never .0 or .255): `n & 255 || 1` gave 257 and 256 one address, and the matrix grew past 256 hosts.
  const made = await createHost(SETUP, hostSchema.parse({ ip_address: `172.16.${Math.floor((n - 1) / 254)}.${((n - 1) % 254) + 1}` }));
  return { id: String(made.id), ip: made.ip_address };
}

export async function freshUser(role: "viewer" | "editor" = "viewer"): Promise<{ id: string; email: string }> {
  const email = `target-${next()}@example.test`;
  const user = await getDb().user.create({ data: { email, passwordHash: "x", role } });
  return { id: String(user.id), email };
}

/** A token of user `ownerId` (null, for an anonymous caller: of somebody else, who cannot be reached). */
export async function ownToken(ownerId: number | null): Promise<string> {
  const owner = ownerId ?? Number((await freshUser()).id);
  const actor: Actor = { kind: "user", id: owner, name: "owner", role: "viewer" };
  return String((await createApiToken(actor, { name: `own-${next()}`, role: "viewer" })).record.id);
}

/** A token of another user (a viewer), to revoke. */
export async function othersToken(): Promise<string> {
  return ownToken(null);
}
