// next-auth's credentials sign-in as a browser performs it: fetch the CSRF
// token (and its cookie), then post the form with json=true.

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function postCredentials(url: string, email: string, password: string) {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const t0 = performance.now();
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; "), origin: url },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await res.arrayBuffer();
  return { res, ms: performance.now() - t0 };
}

/** Signs in and returns the Cookie header that carries the session. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const { res } = await postCredentials(url, email, password);
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return session;
}

export interface Attempt { status: number; retryAfter: number | null; ms: number }

/** One wrong-password attempt: its status, Retry-After and answer time (the CSRF fetch excluded). */
export async function wrongSignIn(url: string, email: string): Promise<Attempt> {
  const { res, ms } = await postCredentials(url, email, `wrong ${Math.random()}`);
  const retry = res.headers.get("retry-after");
  return { status: res.status, retryAfter: retry === null ? null : Number(retry), ms };
}
