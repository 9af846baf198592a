import { beforeAll, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { setRequest } from "@/tests/auth/request-scope";
import { signInAs } from "@/tests/auth/session";
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { freshUser, next } from "@/tests/authorization/fixtures";
import { describeActionBadInputSweep, type SweptForm } from "@/tests/security/bad-input-sweep-actions";

// Issue 11's bad-input sweep (tests/security/bad-input-sweep-actions.ts) over
// the new server actions: /admin/users, /account and /account/tokens, as an
// admin who knows their own password.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
const { createUserAction, updateUserAction, resetUserPasswordAction } = await import("@/app/(app)/admin/users/actions");
const { changeOwnPasswordAction } = await import("@/app/(app)/account/actions");
const { createTokenAction } = await import("@/app/(app)/account/tokens/actions");

useTestDatabase();
const PASSWORD = "the admin's own password";
beforeAll(async () => {
  const admin = await getDb().user.create({ data: { email: "sweep-admin@example.test", passwordHash: await hashPassword(PASSWORD), role: "admin" } });
  setRequest({ cookie: (await signInAs(admin.id)).cookie });
});

// An email and a CIDR have a grammar and say the value does not fit it.
const grammar = { email: "valid email", allowed_cidrs: "CIDR form" };

const forms: SweptForm[] = [
  { name: "createUserAction", run: createUserAction, texts: ["email", "name", "password"], names: ["name", "email"], surrogateMessages: grammar,
    valid: async () => ({ lead: [], input: { email: `sweep-${next()}@example.test`, name: "Ada", password: "a long enough passphrase", role: "viewer" } }) },
  { name: "updateUserAction", run: updateUserAction, texts: ["name"], names: ["name"],
    valid: async () => ({ lead: [Number((await freshUser()).id)], input: { name: "Ada" } }) },
  { name: "resetUserPasswordAction", run: resetUserPasswordAction, texts: ["password"], names: [],
    valid: async () => ({ lead: [Number((await freshUser()).id)], input: { password: "a long enough passphrase" } }) },
  // The new password is the current one again, so a valid call leaves the next one valid too.
  { name: "changeOwnPasswordAction", run: changeOwnPasswordAction, texts: ["current_password", "new_password", "confirm_password"], names: [],
    // A repeated password only has to match the first one, which refuses the broken character itself.
    surrogateMessages: { confirm_password: "do not match" },
    valid: async () => ({ lead: [], input: { current_password: PASSWORD, new_password: PASSWORD, confirm_password: PASSWORD } }) },
  { name: "createTokenAction", run: createTokenAction, texts: ["name", "allowed_cidrs"], names: ["name", "allowed_cidrs"], surrogateMessages: grammar,
    valid: async () => ({ lead: [], input: { name: `ci-${next()}`, role: "viewer", allowed_cidrs: "10.0.0.0/8, 192.168.1.7" } }) },
];

describeActionBadInputSweep(forms);
