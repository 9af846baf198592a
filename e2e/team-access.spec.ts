import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { watchConsoleProblems } from "./browser-watch";
import { signIn, uniqueSpace } from "./helpers";
import { changeRoleThroughUi, createTokenThroughUi, createUserThroughUi, revokeTokenThroughUi, strongPassword, uniqueEmail } from "./team-helpers";
import { allocateNext, createNetwork } from "./ui-helpers";
import { expectViewerCannotWrite, hostIdOn, tourReadViews } from "./viewer-helpers";

// Issue 11's browser flow, part 1: an admin makes a viewer and an API token
// on the new pages; the viewer sees no write controls; the token works with
// fetch() until it is revoked; a role change ends the user's sessions.
// (Sign-out with a copied cookie and the login rate limit: team-sessions.spec.ts.)

/** GET /api/v1/hosts?hostname=… from the page with the token; `withCookie`: the page's session cookie travels too. */
async function listHostsWithToken(page: Page, token: string, hostname: string, withCookie: boolean): Promise<{ status: number; hostnames: string[] }> {
  return page.evaluate(async ({ token, hostname, withCookie }) => {
    const response = await fetch(`/api/v1/hosts?hostname=${encodeURIComponent(hostname)}`, {
      headers: { authorization: `Bearer ${token}` },
      credentials: withCookie ? "same-origin" : "omit",
    });
    const body = (await response.json()) as { items?: Array<{ hostname: string }> };
    return { status: response.status, hostnames: (body.items ?? []).map((h) => h.hostname) };
  }, { token, hostname, withCookie });
}

test("an admin creates a viewer and a token; the viewer cannot write; the token works until revoked", async ({ browser }) => {
  // The Copy button writes to the clipboard; the test reads it back.
  const adminContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  // The revoked token's fetch is refused on purpose (401).
  const adminProblems = await watchConsoleProblems(adminContext, { allowStatuses: [401] });
  const page = await adminContext.newPage();
  await signIn(page);

  // Something to look at.
  const prefix = `${uniqueSpace()}.1.0/24`;
  const networkId = await createNetwork(page, prefix, { name: "Team access" });
  const hostname = `team-${randomUUID().slice(0, 8)}`;
  const hostIp = await allocateNext(page, { hostname });
  const data = { networkId, prefix, hostId: await hostIdOn(page, hostIp), hostIp, hostname };
  // Control for the viewer's tour below: the admin is offered write controls on every one of these views.
  await tourReadViews(page, data, { writes: true });

  const viewer = { email: uniqueEmail("viewer"), password: strongPassword(), role: "viewer" as const };
  await createUserThroughUi(page, viewer);

  // A token, shown once, with a Copy button that puts it on the clipboard.
  const tokenName = `flow-${randomUUID().slice(0, 8)}`;
  const token = await createTokenThroughUi(page, tokenName, "viewer");
  const shown = page.getByTestId("new-token");
  await shown.getByRole("button", { name: "Copy" }).click();
  await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toHaveCount(0);
  // The list shows the token's name and hint, never the token.
  const tokensTable = page.getByTestId("tokens-table");
  await expect(tokensTable.getByText(tokenName, { exact: true })).toBeVisible();
  await expect(tokensTable).not.toContainText(token);

  // The token alone (no cookie) reads the API.
  expect(await listHostsWithToken(page, token, hostname, false)).toEqual({ status: 200, hostnames: [hostname] });

  await revokeTokenThroughUi(page, tokenName);
  expect(await listHostsWithToken(page, token, hostname, false)).toEqual({ status: 401, hostnames: [] });
  // A revoked token is refused even beside a valid session cookie: it never falls back to the signed-in admin.
  expect(await listHostsWithToken(page, token, hostname, true)).toEqual({ status: 401, hostnames: [] });

  // The viewer, in a browser of their own.
  const viewerContext = await browser.newContext();
  // The admin pages answer a viewer 404 on purpose.
  const viewerProblems = await watchConsoleProblems(viewerContext, { allowStatuses: [404] });
  const v = await viewerContext.newPage();
  await signIn(v, viewer);
  await expectViewerCannotWrite(v, data);

  expect(adminProblems).toEqual([]);
  expect(viewerProblems).toEqual([]);
  await viewerContext.close();
  await adminContext.close();
});

test("a role change on /admin/users ends the user's sessions at once", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const adminProblems = await watchConsoleProblems(adminContext);
  const page = await adminContext.newPage();
  await signIn(page);
  const user = { email: uniqueEmail("promoted"), password: strongPassword(), role: "viewer" as const };
  await createUserThroughUi(page, user);

  const userContext = await browser.newContext();
  const userProblems = await watchConsoleProblems(userContext);
  const u = await userContext.newPage();
  await signIn(u, user);
  await expect(u.getByTestId("current-user")).toContainText("viewer");
  await u.goto("/networks");
  await expect(u.getByTestId("networks-table")).toBeVisible();

  await changeRoleThroughUi(page, user.email, "editor");

  // The session with the old role is gone: the next page sends the user to sign in.
  await u.goto("/networks");
  await expect(u).toHaveURL(/\/login/);
  await expect(u.getByRole("button", { name: "Sign in" })).toBeVisible();
  // Signing in again gives a session with the new role.
  await signIn(u, user);
  await expect(u.getByTestId("current-user")).toContainText("editor");
  await expect(u.getByRole("main").getByRole("link", { name: "New network" })).toBeVisible();

  expect(adminProblems).toEqual([]);
  expect(userProblems).toEqual([]);
  await userContext.close();
  await adminContext.close();
});
