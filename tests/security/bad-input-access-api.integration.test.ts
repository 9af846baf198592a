import { beforeAll } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { userWithToken, type OwnedToken } from "@/tests/api/owned-token";
import { freshUser, next, ownToken } from "@/tests/authorization/fixtures";
import { describeBadInputSweep, type SweptEndpoint } from "@/tests/security/bad-input-sweep";
import * as users from "@/app/api/v1/users/route";
import * as user from "@/app/api/v1/users/[id]/route";
import * as password from "@/app/api/v1/users/[id]/password/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[id]/route";

// Issue 11's bad-input sweep (tests/security/bad-input-sweep.ts) over the new
// REST inputs: users, password resets and tokens, as an admin.

useTestDatabase();
let admin: OwnedToken;
beforeAll(async () => {
  admin = await userWithToken("admin");
});

const STRONG = "a long enough passphrase";
// An email and a CIDR have a grammar, and say that the value does not fit it.
const grammar = { email: "valid email", allowed_cidrs: "CIDR form" };

const endpoints: SweptEndpoint[] = [
  { name: "POST /users", handler: users.POST, method: "POST", texts: ["email", "name", "password"], names: ["name", "email"], surrogateMessages: grammar,
    valid: async () => ({ body: { email: `sweep-${next()}@example.test`, name: "Ada", password: STRONG, role: "viewer" } }) },
  { name: "PATCH /users/{id}", handler: user.PATCH, method: "PATCH", texts: ["name"], names: ["name"],
    valid: async () => ({ params: { id: (await freshUser()).id }, body: { name: "Ada" } }) },
  { name: "POST /users/{id}/password", handler: password.POST, method: "POST", texts: ["password"], names: [],
    valid: async () => ({ params: { id: (await freshUser()).id }, body: { password: STRONG } }) },
  { name: "POST /tokens", handler: tokens.POST, method: "POST", texts: ["name", "allowed_cidrs"], names: ["name", "allowed_cidrs"], surrogateMessages: grammar,
    valid: async () => ({ body: { name: `ci-${next()}`, role: "viewer", allowed_cidrs: "10.0.0.0/8" } }) },
  { name: "PATCH /tokens/{id}", handler: token.PATCH, method: "PATCH", texts: ["name"], names: ["name"],
    valid: async () => ({ params: { id: await ownToken(admin.user.id) }, body: { name: "renamed" } }) },
];

describeBadInputSweep(endpoints, () => admin.token);
