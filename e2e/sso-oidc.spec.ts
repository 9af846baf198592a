import { expect, test, type Browser, type Page } from "@playwright/test";
import { startInstance, type Instance } from "./multi-instance-helpers";
import { sessionCount, sqliteDatabaseWithAdmin, userRow } from "./sso-helpers";
import { CLIENT, startTestIdp, type TestIdp } from "../tests/auth/test-idp";

// AUTH_MODE=oidc against a real OpenID Connect provider (oidc-provider, in
// this process) and production servers on the current build: sign-in
// creates the user with the role of their groups, the role is re-evaluated
// at the next sign-in (a demotion ends the other sessions), and a forged
// state or an IdP that names another issuer signs nobody in.

test.describe.configure({ mode: "serial", timeout: 180_000 });

const localAdmin = { email: "break-glass@example.test", password: "sso-break-glass-pw" };
const ROLE_MAP = "ipam-admins=admin,ipam-editors=editor";

function oidcEnv(issuer: string): Record<string, string> {
  return {
    AUTH_MODE: "oidc", OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret,
    OIDC_NAME: "Test IdP", OIDC_ROLE_MAP: ROLE_MAP, OIDC_DEFAULT_ROLE: "viewer",
  };
}

/** The login page's SSO button, the IdP's login form (skipped while the IdP remembers the user), back on the app. */
async function signInWithIdp(page: Page, app: Instance, login: string): Promise<void> {
  await page.goto(`${app.base}/login`);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  const field = page.getByLabel("Login name");
  await Promise.race([field.waitFor(), page.waitForURL((url) => url.origin === app.base && url.pathname !== "/login")]);
  if (await field.isVisible()) {
    await field.fill(login);
    await page.getByRole("button", { name: "Continue" }).click();
  }
}

async function signedIn(page: Page, app: Instance): Promise<boolean> {
  const res = await page.goto(`${app.base}/`);
  return res !== null && new URL(page.url()).pathname === "/";
}

test.describe("OIDC sign-in", () => {
  let idp: TestIdp;
  let app: Instance;
  let url: string;

  test.beforeAll(async () => {
    idp = await startTestIdp(new Map([
      ["alice", { email: "alice@example.test", name: "Alice", groups: ["staff", "ipam-editors"] }],
      ["bob", { email: "bob@example.test", name: "Bob", groups: ["ipam-admins"] }],
    ]));
    url = await sqliteDatabaseWithAdmin(localAdmin.email, localAdmin.password);
    app = await startInstance(url, oidcEnv(idp.url));
    idp.register(app.base);
  });

  test.afterAll(async () => {
    await app?.stop();
    await idp?.stop();
  });

  test("first sign-in creates the user with the role of their groups; no password", async ({ browser }) => {
    const page = await newPage(browser);
    await signInWithIdp(page, app, "alice");
    await page.waitForURL(`${app.base}/`);
    const alice = userRow(url, { externalId: `${idp.url}|alice` });
    expect(alice).toMatchObject({ email: "alice@example.test", role: "editor", auth_source: "oidc", password_hash: null });
    expect(sessionCount(url, alice!.id)).toBe(1);

    const other = await newPage(browser);
    await signInWithIdp(other, app, "bob");
    await other.waitForURL(`${app.base}/`);
    expect(userRow(url, { externalId: `${idp.url}|bob` })?.role).toBe("admin");
    await page.context().close();
    await other.context().close();
  });

  test("leaving the group demotes at the next sign-in and ends the sessions signed in with the old role", async ({ browser }) => {
    const first = await newPage(browser);
    await signInWithIdp(first, app, "alice");
    await first.waitForURL(`${app.base}/`);
    idp.accounts.get("alice")!.groups = ["staff"];

    const second = await newPage(browser);
    await signInWithIdp(second, app, "alice");
    await second.waitForURL(`${app.base}/`);
    expect(userRow(url, { externalId: `${idp.url}|alice` })?.role).toBe("viewer");
    // The first browser's session had the editor role: it is gone.
    expect(await signedIn(first, app)).toBe(false);
    expect(await signedIn(second, app)).toBe(true);
    await first.context().close();
    await second.context().close();
  });

  test("a callback with a forged state signs nobody in", async ({ browser }) => {
    const page = await newPage(browser);
    let forged = false;
    idp.tamperNextCallback((callback) => {
      callback.searchParams.set("state", "forged-by-an-attacker");
      forged = true;
    });
    const sessionsBefore = sessionCount(url, userRow(url, { externalId: `${idp.url}|alice` })!.id);
    await signInWithIdp(page, app, "alice");
    await page.waitForURL((u) => u.pathname === "/login" && u.searchParams.has("error"));
    await expect(page.getByText("Single sign-on failed")).toBeVisible();
    expect(forged).toBe(true);
    expect(await signedIn(page, app)).toBe(false);
    expect(sessionCount(url, userRow(url, { externalId: `${idp.url}|alice` })!.id)).toBe(sessionsBefore);
    await page.context().close();
  });

  test("the break-glass form is there for a local admin", async ({ page }) => {
    await page.goto(`${app.base}/login`);
    await page.getByText("Local administrator sign-in").click();
    await page.getByLabel("Email").fill(localAdmin.email);
    await page.getByLabel("Password").fill(localAdmin.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${app.base}/`);
  });
});

test.describe("an IdP that names another issuer", () => {
  let idp: TestIdp;
  let app: Instance;
  let url: string;

  test.beforeAll(async () => {
    idp = await startTestIdp(new Map([["mallory", { email: "mallory@example.test", name: "Mallory", groups: ["ipam-admins"] }]]));
    url = await sqliteDatabaseWithAdmin(localAdmin.email, localAdmin.password);
    app = await startInstance(url, oidcEnv(idp.url));
    // Discovery at OIDC_ISSUER answers with issuer http://localhost:<port>: its tokens say so too.
    idp.register(app.base, { issuer: idp.url.replace("127.0.0.1", "localhost") });
  });

  test.afterAll(async () => {
    await app?.stop();
    await idp?.stop();
  });

  test("is refused: nobody is signed in or created", async ({ page }) => {
    await signInWithIdp(page, app, "mallory");
    await page.waitForURL((u) => u.origin === app.base && u.pathname === "/login" && u.searchParams.has("error"));
    await expect(page.getByText("Single sign-on failed")).toBeVisible();
    expect(await signedIn(page, app)).toBe(false);
    expect(userRow(url, { email: "mallory@example.test" })).toBeUndefined();
  });
});

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}
