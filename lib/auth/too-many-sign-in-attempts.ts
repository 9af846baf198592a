// How a refused sign-in (429) reaches the login form. next-auth's signIn()
// with redirect: false reads the JSON answer's `url` and hands the form only
// that URL's `error` parameter and the status, so the wait travels inside
// the error code: "TooManyAttempts:900". Shared by the server that writes
// it and the form that reads it (browser-safe).

const CODE = "TooManyAttempts";

/** The `error` parameter for a sign-in refused for `retryAfterSeconds`. */
export function tooManyAttemptsError(retryAfterSeconds: number): string {
  return `${CODE}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The seconds to wait named by a sign-in `error`, or null when the error is something else. */
export function retryAfterOf(error: string | null | undefined): number | null {
  const match = /^TooManyAttempts:(\d+)$/.exec(error ?? "");
  return match ? Number(match[1]) : null;
}

/** "Too many attempts; try again in 15 minutes" (whole minutes, rounded up). */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/** What the login form says when signIn() returns `error` (a 429's wait, or wrong credentials). */
export function signInFailureMessage(error: string | null | undefined): string {
  const retryAfter = retryAfterOf(error);
  return retryAfter === null ? "Wrong email or password, or the account is disabled." : `${tooManyAttemptsMessage(retryAfter)}.`;
}
