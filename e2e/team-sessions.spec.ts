import { expect, test, type Page } from "@playwright/test";
import { watchConsoleProblems } from "./browser-watch";
import { signIn } from "./helpers";
import { createUserThroughUi, strongPassword, uniqueEmail } from "./team-helpers";

// Issue 11's browser flow, part 2: sign-out ends the session for every copy
// of its cookie, and the login form under password guessing (429, and the
// form says when to retry), with no CSP violation or console error on the way.

test("sign-out in one browser ends the session: a copied cookie is refused afterwards", async ({ browser, request }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const problemsA = await watchConsoleProblems(a);
  const problemsB = await watchConsoleProblems(b);
  const pageA = await a.newPage();
  const user = { email: uniqueEmail("two-browsers"), password: strongPassword(), role: "editor" as const };
  await signIn(pageA);
  await createUserThroughUi(pageA, user);
  await pageA.getByRole("button", { name: "Sign out" }).click();
  await expect(pageA).toHaveURL(/\/login/);
  await signIn(pageA, user);

  // Browser B gets a copy of A's session cookie: before the sign-out it works for pages and the API.
  const sessionCookies = (await a.cookies()).filter((c) => /^(__Secure-)?next-auth\.session-token/.test(c.name));
  expect(sessionCookies.length).toBeGreaterThan(0);
  await b.addCookies(sessionCookies);
  const pageB = await b.newPage();
  await pageB.goto("/networks");
  await expect(pageB.getByTestId("current-user")).toContainText("editor");
  // The same cookie sent by a script (the request fixture keeps no cookies of its own).
  const cookie = sessionCookies.map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await request.get("/api/v1/hosts", { headers: { cookie } })).status()).toBe(200);

  await pageA.getByRole("button", { name: "Sign out" }).click();
  await expect(pageA).toHaveURL(/\/login/);

  // The copy is refused: a page sends B to sign in, the API answers 401.
  await pageB.goto("/networks");
  await expect(pageB).toHaveURL(/\/login/);
  await expect(pageB.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect((await request.get("/api/v1/hosts", { headers: { cookie } })).status()).toBe(401);

  expect(problemsA).toEqual([]);
  expect(problemsB).toEqual([]);
  await a.close();
  await b.close();
});

/** Submits the login form once and returns the sign-in request's HTTP status and Retry-After. */
async function trySignIn(page: Page, email: string, password: string): Promise<{ status: number; retryAfter: string | null }> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/callback/credentials"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  return { status: response.status(), retryAfter: response.headers()["retry-after"] ?? null };
}

test("the login form under password guessing: after 5 failures a 429, and the form says when to retry", async ({ browser }) => {
  // The victim is an account of its own: the lock-out must not hit the admin that other specs use.
  const adminContext = await browser.newContext();
  const adminProblems = await watchConsoleProblems(adminContext);
  const admin = await adminContext.newPage();
  await signIn(admin);
  const victim = { email: uniqueEmail("guessed"), password: strongPassword(), role: "viewer" as const };
  await createUserThroughUi(admin, victim);

  const attacker = await browser.newContext();
  // The refused sign-ins are the point here: Chromium logs each as a failed load (401, then 429).
  const problems = await watchConsoleProblems(attacker, { allowStatuses: [401, 429] });
  const page = await attacker.newPage();
  await page.goto("/login");
  // The form's own alert (Next's route announcer is an alert too).
  const alert = page.locator("form").getByRole("alert");

  for (let attempt = 1; attempt <= 5; attempt++) {
    const result = await trySignIn(page, victim.email, `wrong-guess-number-${attempt}`);
    expect(result.status, `attempt ${attempt}`).toBe(401);
    await expect(alert).toHaveText("Wrong email or password, or the account is disabled.");
  }
  const refused = await trySignIn(page, victim.email, "wrong-guess-number-6");
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.retryAfter);
  expect(retryAfter).toBeGreaterThan(14 * 60);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  await expect(alert).toHaveText("Too many attempts; try again in 15 minutes.");

  // Locked out: even the right password is not checked now.
  expect((await trySignIn(page, victim.email, victim.password)).status).toBe(429);
  await expect(alert).toHaveText(/^Too many attempts; try again in 1[45] minutes\.$/);
  await expect(page).toHaveURL(/\/login/);

  expect(problems).toEqual([]);
  expect(adminProblems).toEqual([]);
  await attacker.close();
  await adminContext.close();
});
