import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { toAppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/services/users/change-own-password";
import { createUser } from "@/lib/services/users/create-user";
import { resetUserPassword } from "@/lib/services/users/reset-user-password";
import { reserveSignInAttempt } from "@/lib/services/rate-limits/sign-in-attempts";

// The password a user re-enters on /account is the one the sign-in form
// guards: both draw on the same per-account budget, and an admin's reset is
// the way back in for a locked-out user.

useTestDatabase();

const PASSWORD = "a-long-enough-secret";

async function makeUser() {
  const user = await createUser(null, { email: `guess-${randomUUID().slice(0, 8)}@example.test`, role: "editor", password: PASSWORD });
  const actor: Actor = { kind: "user", id: user.id, name: user.email, role: "editor" };
  return { ...user, actor };
}

const change = (current: string) => ({ current_password: current, new_password: "another-long-secret-9", confirm_password: "another-long-secret-9" });

describe("guessing the current password on /account", () => {
  it("is refused with 429 after the sign-in budget of failures, even with the right password, and the lock-out covers sign-in", async () => {
    const user = await makeUser();
    for (let i = 0; i < 5; i++) {
      expect(toAppError(await changeOwnPassword(user.actor, change(`wrong-guess-${i}`)).catch((e) => e)).code).toBe("validation_error");
    }
    const locked = toAppError(await changeOwnPassword(user.actor, change(PASSWORD)).catch((e) => e));
    expect(locked.status).toBe(429);
    expect(Number(locked.details?.retry_after_seconds)).toBeGreaterThan(0);
    expect((await reserveSignInAttempt(user.email, "192.0.2.10")).allowed).toBe(false);
  });

  it("a right password gives its reservation back, so a user who knows it is never locked out", async () => {
    const user = await makeUser();
    let current = PASSWORD;
    for (let i = 0; i < 7; i++) {
      const next = `changed-secret-number-${i}`;
      await changeOwnPassword(user.actor, { current_password: current, new_password: next, confirm_password: next });
      current = next;
    }
    expect((await reserveSignInAttempt(user.email, "192.0.2.11")).allowed).toBe(true);
  });
});

describe("an admin's password reset", () => {
  it("lifts the user's sign-in lock-out", async () => {
    const user = await makeUser();
    for (let i = 0; i < 6; i++) await reserveSignInAttempt(user.email, "192.0.2.12");
    expect((await reserveSignInAttempt(user.email, "192.0.2.12")).allowed).toBe(false);
    await resetUserPassword(null, user.id, {});
    expect((await reserveSignInAttempt(user.email, "192.0.2.12")).allowed).toBe(true);
  });
});
