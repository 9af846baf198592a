import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetDatabase, useTestDatabase } from "@/tests/db";
import { setRequest } from "@/tests/auth/request-scope";
import { getDb } from "@/lib/db/client";
import { overrideEnv } from "@/lib/env";
import { peerHeaderValue, PEER_HEADER } from "@/lib/http/peer-header";

// First-run setup needs no session, so it must cost little once done: the
// action refuses before any bcrypt work, and each client address gets a few
// tries. The real bcrypt runs, watched by a spy.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
const { hashPassword } = await import("@/lib/auth/password");
const { setupAdminAction } = await import("@/app/(auth)/setup/actions");

useTestDatabase();
const PEER_KEY = "test-peer-key-".padEnd(40, "y");
overrideEnv({ IPAM_PEER_KEY: PEER_KEY });

const PASSWORD = "a long enough setup passphrase";
const input = (email: string) => ({ email, name: "", password: PASSWORD, confirm: PASSWORD });
const from = (address: string) => setRequest({ headers: { [PEER_HEADER]: peerHeaderValue(PEER_KEY, address) } });
const hashes = () => vi.mocked(hashPassword).mock.calls.length;

beforeEach(async () => {
  await getDb().rateLimit.deleteMany();
  await resetDatabase();
});

describe("setupAdminAction", () => {
  it("creates the first admin once; a replay is refused with 409 before anything is hashed", async () => {
    from("192.0.2.1");
    const first = await setupAdminAction(input("first@example.test"));
    expect(first).toEqual({ ok: true, data: { email: "first@example.test" } });
    const before = hashes();
    const replay = await setupAdminAction(input("second@example.test"));
    expect(replay).toMatchObject({ ok: false, code: "conflict" });
    expect(hashes()).toBe(before);
    expect(await getDb().user.count()).toBe(1);
  });

  it("gives each client address 10 tries per 15 minutes, then rate_limited with the wait", async () => {
    from("192.0.2.2");
    // Tries that fail validation (a mismatched confirmation) count too: each might have been a hash.
    for (let i = 0; i < 10; i++) expect(await setupAdminAction({ ...input("x@example.test"), confirm: "typo" })).toMatchObject({ ok: false, code: "validation_error" });
    const before = hashes();
    const refused = await setupAdminAction(input("x@example.test"));
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    expect(refused.ok ? 0 : Number(refused.details?.retry_after_seconds)).toBeGreaterThan(14 * 60);
    expect(hashes()).toBe(before);
    expect(await getDb().user.count()).toBe(0);
    from("192.0.2.3");
    expect(await setupAdminAction(input("x@example.test"))).toMatchObject({ ok: true });
  });
});
