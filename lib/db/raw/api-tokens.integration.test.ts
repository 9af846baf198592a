import { afterEach, describe, expect, it, vi } from "vitest";
import { testEngine, useTestDatabase } from "@/tests/db";
import { hashToken } from "@/lib/auth/token-hash";
import { getDb } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { findTokenForAuth } from "@/lib/db/raw";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { deleteApiToken } from "@/lib/services/tokens/delete-api-token";
import { admin } from "@/plugins/testing/actors";

// The token lookup behind every API request: on PostgreSQL, lookups that
// arrive while one is on its way share the next statement. Each caller must
// still get exactly its own token's record, and a lookup made after a
// revocation must see it.

useTestDatabase();

afterEach(() => vi.restoreAllMocks());

describe("findTokenForAuth", () => {
  it("answers concurrent lookups of several tokens, unknown ones included, each with its own record, in two statements on PostgreSQL", async () => {
    const owner = await getDb().user.create({ data: { email: "lookups@example.com", passwordHash: "x", role: "editor" } });
    const made = [
      await createApiToken(null, { name: "a", role: "admin" }),
      await createApiToken({ kind: "user", id: owner.id, name: owner.email, role: "editor" }, { name: "b", role: "viewer", read_only: true }),
      await createApiToken(null, { name: "c", role: "editor", allowed_cidrs: ["10.0.0.0/8"] }),
    ];
    const hashes = [...made.map((m) => hashToken(m.token)), hashToken("ipam_unknown")];
    const alone = await Promise.all(hashes.map(async (h) => findTokenForAuth(h)));
    const sequential: Array<Awaited<ReturnType<typeof findTokenForAuth>>> = [];
    for (const h of hashes) sequential.push(await findTokenForAuth(h));
    expect(alone).toEqual(sequential);
    expect(sequential.map((r) => r?.name ?? null)).toEqual(["a", "b", "c", null]);
    expect(sequential[1]).toMatchObject({ role: "viewer", readOnly: true, ownerId: owner.id, owner: { role: "editor", disabled: false } });
    expect(sequential[2]).toMatchObject({ allowedCidrs: "10.0.0.0/8", ownerId: null, owner: null });

    const asked = Array.from({ length: 20 }, (_, i) => hashes[i % hashes.length]);
    const statements = testEngine() === "postgresql" ? vi.spyOn(pgPool(), "query") : null;
    const together = await Promise.all(asked.map((h) => findTokenForAuth(h)));
    expect(together).toEqual(asked.map((h) => sequential[hashes.indexOf(h)]));
    // The first goes alone; the 19 that arrived while it was on its way, together.
    if (statements) expect(statements).toHaveBeenCalledTimes(2);
  });

  it("a lookup asked for after a token is revoked finds nothing, even while one asked for before is still on its way", async () => {
    const { token, record } = await createApiToken(null, { name: "soon gone", role: "editor" });
    const hash = hashToken(token);
    if (testEngine() !== "postgresql") {
      expect(await findTokenForAuth(hash)).toMatchObject({ name: "soon gone" });
      await deleteApiToken(admin, record.id);
      expect(await findTokenForAuth(hash)).toBeNull();
      return;
    }
    // The first lookup's answer is held back until the revocation has committed.
    const pool = pgPool();
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    vi.spyOn(pool, "query").mockImplementation((async (...args: unknown[]) => {
      const result = await query(...args);
      if (++calls === 1) await gate;
      return result;
    }) as never);
    const before = findTokenForAuth(hash);
    await deleteApiToken(admin, record.id);
    const after = findTokenForAuth(hash);
    release();
    expect(await before).toMatchObject({ name: "soon gone" });
    expect(await after).toBeNull();
    expect(calls).toBe(2);
  });
});
