// What the login page says for an `?error=` code: next-auth's own codes
// (pages.error is /login) and the refusals of an SSO sign-in
// (lib/services/users/provision-external-user.ts). Browser-safe.

export type SsoRefusal = "no_role" | "disabled" | "email_taken" | "last_admin";

export const SSO_REFUSALS: Record<SsoRefusal, string> = {
  no_role: "None of your groups gives access to this IPAM; ask an administrator to add you to one.",
  disabled: "This account is disabled.",
  email_taken: "Another account already uses your email address; ask an administrator to remove or rename it.",
  last_admin: "Your groups no longer make you an admin, and you are the last active admin: an admin must sign in locally and make someone else admin first.",
};

const NEXT_AUTH_ERRORS: Record<string, string> = {
  OAuthSignin: "Single sign-on could not start: the identity provider did not answer as expected. Try again later.",
  OAuthCallback: "Single sign-on failed: the identity provider's answer could not be verified. Start again.",
  AccessDenied: "Access denied.",
  Configuration: "Sign-in is not configured correctly; the server log says why.",
};

/** The message for a login page `?error=` value, or null when there is none. */
export function signInErrorMessage(code: string | null): string | null {
  if (!code) return null;
  if (code.startsWith("sso_") && Object.hasOwn(SSO_REFUSALS, code.slice(4))) return SSO_REFUSALS[code.slice(4) as SsoRefusal];
  return Object.hasOwn(NEXT_AUTH_ERRORS, code) ? NEXT_AUTH_ERRORS[code] : "Sign-in failed. Start again.";
}
