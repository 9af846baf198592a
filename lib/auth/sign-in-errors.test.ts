import { describe, expect, it } from "vitest";
import { signInErrorMessage, SSO_REFUSALS } from "@/lib/auth/sign-in-errors";

describe("signInErrorMessage", () => {
  it("explains an SSO refusal and next-auth's own codes", () => {
    expect(signInErrorMessage("sso_no_role")).toBe(SSO_REFUSALS.no_role);
    expect(signInErrorMessage("sso_last_admin")).toBe(SSO_REFUSALS.last_admin);
    expect(signInErrorMessage("OAuthCallback")).toMatch(/^Single sign-on failed/);
  });

  it("says nothing without a code, and something generic for an unknown one (prototype names included)", () => {
    expect(signInErrorMessage(null)).toBeNull();
    expect(signInErrorMessage("")).toBeNull();
    for (const code of ["constructor", "sso_toString", "__proto__", "<script>"]) expect(signInErrorMessage(code)).toBe("Sign-in failed. Start again.");
  });
});
