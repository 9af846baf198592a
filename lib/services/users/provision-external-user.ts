import "server-only";
import { createHash } from "node:crypto";
import type { Actor, Role } from "@/lib/auth/roles";
import { SSO_REFUSALS, type SsoRefusal } from "@/lib/auth/sign-in-errors";
import { roleSchema } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { isUniqueViolationOf } from "@/lib/db/raw/unique-violation";
import { AppError } from "@/lib/errors";
import { optionalName } from "@/lib/schemas/fields";
import { emailSchema } from "@/lib/schemas/user";
import { endUserSessions } from "@/lib/services/sessions/end-user-sessions";
import { lockUserForChange } from "@/lib/services/users/lock-user-for-change";
import { inWriteTransaction } from "@/lib/services/write-options";

/** Who an identity provider (OIDC) or an authenticating proxy says is signing in. */
export interface ExternalIdentity {
  source: "oidc" | "proxy";
  /** "<issuer>|<sub>" or "proxy|<user>": the key that finds the user again, whatever their email becomes. */
  externalId: string;
  /** As the provider gives it; an invalid or missing one becomes a placeholder (see placeholderEmail). */
  email: string | null;
  /** Null: the provider does not say (a stored name, e.g. an admin's, stays). */
  name: string | null;
  /** From the provider's groups (lib/auth/role-map.ts); null when no group gives one and the default is "none". */
  role: Role | null;
}

export type ProvisionRefusal = SsoRefusal;

export type ProvisionResult =
  | { ok: true; actor: Actor; created: boolean; roleChanged: boolean }
  | { ok: false; reason: ProvisionRefusal; message: string };

export interface ProvisionOptions {
  /**
   * Proxy sign-in happens on every request: an unchanged user is then
   * answered from one read, and last_login_at is written at most this often.
   * 0 (OIDC, once per sign-in): always written.
   */
  touchAfterMs?: number;
}

/**
 * Finds or creates the user an external sign-in names, by externalId, and
 * gives them the role their groups give now (NetBox #13266, phpIPAM #2597:
 * leaving the admin group must demote). A role change ends the user's
 * sessions, so a demoted user's other browsers lose the old rights at once;
 * so does a refusal of a known user (no mapped group any more). Refused:
 * a disabled account, an email that belongs to another account (never
 * linked: an IdP that lets users pick their email would otherwise take over
 * a local admin), and demoting the last active admin (lib/services/users/
 * lock-user-for-change.ts: sign in with a local admin and fix the groups).
 * No actor: the caller is the sign-in itself.
 */
export async function provisionExternalUser(identity: ExternalIdentity, options: ProvisionOptions = {}): Promise<ProvisionResult> {
  const touchAfterMs = options.touchAfterMs ?? 0;
  const known = await getDb().user.findUnique({ where: { externalId: identity.externalId } });
  if (known && touchAfterMs > 0 && !known.disabled && identity.role === known.role && known.lastLoginAt
    && Date.now() - known.lastLoginAt.getTime() < touchAfterMs && sameDetails(known, identity)) {
    return { ok: true, actor: actorOf(known), created: false, roleChanged: false };
  }
  try {
    return await inWriteTransaction({ kind: "system", name: "single sign-on" }, undefined, (tx) => provisionIn(tx, identity));
  } catch (error) {
    // Two first sign-ins of one user at once (two tabs, two instances): the other one created the row.
    if (isUniqueViolationOf(error, "users")) return inWriteTransaction({ kind: "system", name: "single sign-on" }, undefined, (tx) => provisionIn(tx, identity));
    throw error;
  }
}

async function provisionIn(tx: Tx, identity: ExternalIdentity): Promise<ProvisionResult> {
  const now = new Date();
  const email = identity.email ?? placeholderEmail(identity.externalId);
  // By email too: under READ COMMITTED a first sign-in racing this one may
  // commit between the two reads; its row then has this external id.
  const byEmail = await tx.user.findUnique({ where: { email } });
  const user = byEmail?.externalId === identity.externalId ? byEmail : await tx.user.findUnique({ where: { externalId: identity.externalId } });
  if (!user) {
    if (!identity.role) return refuse("no_role");
    if (byEmail) return refuse("email_taken", email);
    const created = await tx.user.create({
      data: { email, name: identity.name, role: identity.role, passwordHash: null, authSource: identity.source, externalId: identity.externalId, lastLoginAt: now },
    });
    return { ok: true, actor: actorOf(created), created: true, roleChanged: false };
  }
  if (user.disabled) return refuse("disabled");
  if (!identity.role) {
    await endUserSessions(user.id, { tx });
    return refuse("no_role");
  }
  const roleChanged = identity.role !== user.role;
  if (roleChanged) {
    try {
      await lockUserForChange(tx, user.id, { role: identity.role });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "last_admin") throw error;
      await endUserSessions(user.id, { tx });
      return refuse("last_admin");
    }
    await endUserSessions(user.id, { tx });
  }
  // A new email at the provider follows, unless another account has it.
  const emailFree = email === user.email || !(await tx.user.findUnique({ where: { email } }));
  const updated = await tx.user.update({
    where: { id: user.id },
    data: { role: identity.role, ...(identity.name !== null ? { name: identity.name } : {}), ...(emailFree ? { email } : {}), lastLoginAt: now },
  });
  return { ok: true, actor: actorOf(updated), created: false, roleChanged };
}

function refuse(reason: ProvisionRefusal, email?: string): ProvisionResult {
  return { ok: false, reason, message: reason === "email_taken" ? `${SSO_REFUSALS[reason]} (${email})` : SSO_REFUSALS[reason] };
}

function actorOf(user: { id: number; name: string | null; email: string; role: string }): Actor {
  return { kind: "user", id: user.id, name: user.name ?? user.email, role: roleSchema.parse(user.role) };
}

function sameDetails(user: { email: string; name: string | null }, identity: ExternalIdentity): boolean {
  return (identity.name === null || user.name === identity.name) && user.email === (identity.email ?? placeholderEmail(identity.externalId));
}

/**
 * users.email is required and unique; a provider that sends none (or
 * something that is no address) gets a stable, undeliverable one (RFC 2606
 * .invalid) derived from the external id.
 */
export function placeholderEmail(externalId: string): string {
  const readable = externalId.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 50);
  const unique = createHash("sha256").update(externalId).digest("hex").slice(0, 10);
  return `${readable ? `${readable}-` : ""}${unique}@sso.invalid`;
}

/** The provider's email, normalized, or null when it is not a usable address. */
export function externalEmail(value: unknown): string | null {
  const parsed = emailSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const nameSchema = optionalName("Name", 100);

/** The provider's display name when it passes our name rules (no bidi or hidden characters), else none. */
export function externalName(value: unknown): string | null {
  const parsed = nameSchema.safeParse(typeof value === "string" ? value : null);
  return parsed.success ? (parsed.data ?? null) : null;
}
