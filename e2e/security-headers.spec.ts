import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { CSP_HEADER, FIXED_SECURITY_HEADERS } from "../lib/http/security-headers";
import { admin, signIn, uniqueSpace } from "./helpers";
import { allocateNext, createHost, createNetwork } from "./ui-helpers";

// Issue 11 A.8: every page and API answer carries the security headers, the
// pages still work under the Content-Security-Policy (no violation, client
// components respond), and no other origin can frame the app.

/** Collects CSP violations (console reports and `securitypolicyviolation` events) and uncaught errors, across navigations. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/content security policy|securitypolicyviolation/i.test(message.text())) seen.push(message.text());
  });
  page.on("pageerror", (error) => seen.push(`uncaught: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  });
  return seen;
}

function expectFixedHeaders(response: Response | APIResponse | null): Record<string, string> {
  expect(response).not.toBeNull();
  const headers = response!.headers();
  for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value);
  return headers;
}

function expectApiPolicy(response: Response | APIResponse | null): void {
  const policy = expectFixedHeaders(response)[CSP_HEADER.toLowerCase()];
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("script-src 'self';");
  expect(policy).not.toContain("unsafe-eval");
}

/** A page's headers, and every inline script of the HTML as served carrying this response's nonce. */
async function expectPagePolicy(response: Response | null): Promise<void> {
  const policy = expectFixedHeaders(response)[CSP_HEADER.toLowerCase()];
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, "the page's CSP has a nonce").toBeTruthy();
  expect(/script-src [^;]*'unsafe-inline'/.test(policy)).toBe(false);
  const html = await response!.text();
  const inline = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]).filter((attributes) => !/\ssrc=/.test(attributes));
  expect(inline.length).toBeGreaterThan(0);
  for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
}

test.describe("security headers and the CSP", () => {
  test("/setup redirect and /login work signed out", async ({ page }) => {
    const violations = await watchViolations(page);
    // Setup is done (first-run spec): /setup sends the visitor on to sign in.
    const setup = await page.goto("/setup");
    await expect(page).toHaveURL(/\/login/);
    await expectPagePolicy(setup);
    const login = await page.goto("/login");
    await expectPagePolicy(login);
    // Client-side validation and the sign-in itself run only if React hydrated.
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("every signed-in page works under the CSP", async ({ page }) => {
    const violations = await watchViolations(page);
    await signIn(page);
    const space = uniqueSpace();

    // Dashboard: "/" focuses the header search (a client component), Enter opens /search.
    await expectPagePolicy(await page.goto("/"));
    // The "/" shortcut works once the page has hydrated: press until it takes.
    const search = page.getByRole("searchbox", { name: "Global search" });
    await expect(async () => {
      await page.keyboard.press("/");
      await expect(search).toBeFocused({ timeout: 500 });
    }).toPass();
    await page.keyboard.type("csp-nothing-matches");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=csp-nothing-matches/);
    await expectPagePolicy(await page.goto("/search?q=csp-nothing-matches"));
    await expect(page.getByRole("heading", { name: "Search" })).toBeVisible();

    // Network form (client validation + server action), network page (allocation toast, delete dialog).
    await expectPagePolicy(await page.goto("/networks/new"));
    const networkId = await createNetwork(page, `${space}.1.0/24`, { name: "CSP net" });
    await expectPagePolicy(await page.goto(`/networks/${networkId}`));
    expect(await allocateNext(page, { hostname: "csp-first" })).toBe(`${space}.1.1`);
    await expect(page.getByText(`Allocated ${space}.1.1`).first()).toBeVisible(); // Sonner's toast: its inserted <style> is allowed
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.getByRole("dialog").getByRole("button", { name: /Cancel|Close/ }).click();
    await expect(page.getByRole("dialog")).toBeHidden();

    // Lists: the "Columns" menu hides a column (React state).
    await expectPagePolicy(await page.goto("/networks"));
    await page.getByTestId("columns-menu").locator("summary").click();
    await page.getByRole("checkbox", { name: "VLAN" }).uncheck();
    await expect(page.getByRole("columnheader", { name: "VLAN" })).toHaveCount(0);
    await expectPagePolicy(await page.goto("/hosts"));
    await page.getByTestId("columns-menu").locator("summary").click();
    await page.getByRole("checkbox", { name: "MAC" }).uncheck();
    await expect(page.getByRole("columnheader", { name: "MAC" })).toHaveCount(0);

    // Host form: submitted through its server action.
    await expectPagePolicy(await page.goto("/hosts/new"));
    const hostId = await createHost(page, `${space}.1.20`, { hostname: "csp-host" });
    await expectPagePolicy(await page.goto(`/hosts/${hostId}`));

    // Import/export, and the import wizard enabling its button once a file is chosen.
    await expectPagePolicy(await page.goto("/import-export"));
    await expectPagePolicy(await page.goto("/import-export/import"));
    const preview = page.getByRole("button", { name: "Preview import" });
    await expect(preview).toBeDisabled();
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "hosts.csv", mimeType: "text/csv", buffer: Buffer.from("ip_address\n") });
    await expect(preview).toBeEnabled();

    // Tools: the calculator computes as you type.
    await expectPagePolicy(await page.goto("/tools/subnet-calculator"));
    await page.getByLabel("Prefix", { exact: true }).fill("10.1.2.77/23");
    await expect(page.getByTestId("prefix-facts").locator('[data-label="Broadcast"]')).toHaveText("10.1.3.255");

    // Not-found pages, the app's and Next's own, carry the nonce too.
    const missingNetwork = await page.goto("/networks/999999999");
    expect(missingNetwork?.status()).toBe(404);
    await expectPagePolicy(missingNetwork);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    const missingPage = await page.goto("/no-such-page");
    expect(missingPage?.status()).toBe(404);
    await expectPagePolicy(missingPage);

    expect(violations).toEqual([]);
  });

  test("API answers, errors, static files and the Swagger UI page", async ({ page, request }) => {
    const violations = await watchViolations(page);
    expectApiPolicy(await request.get("/api/v1/health"));
    const unauthorized = await request.get("/api/v1/hosts");
    expect(unauthorized.status()).toBe(401);
    expectApiPolicy(unauthorized);
    const missing = await request.get("/api/v1/no-such-route");
    expect(missing.status()).toBe(404);
    expectApiPolicy(missing);
    const refused = await request.post("/api/v1/hosts", { data: "{", headers: { authorization: "Bearer ipam_not-a-token", "content-type": "application/json" } });
    expect(refused.status()).toBe(401);
    expectApiPolicy(refused);

    const docs = await page.goto("/api/v1/docs");
    expectApiPolicy(docs);
    // Swagger UI rendered the document and expands an operation on click.
    await expect(page.getByRole("heading", { name: /IPAM REST API/ })).toBeVisible();
    const health = page.locator(".opblock-summary", { hasText: "/health" }).first();
    await health.click();
    await expect(page.getByRole("button", { name: "Try it out" }).first()).toBeVisible();
    for (const asset of ["/api/v1/docs/assets/init.js", "/api/v1/docs/assets/swagger-ui.css"]) expectApiPolicy(await request.get(asset));

    // Built files: not documents, so no CSP, but never sniffed or framed.
    const login = await (await page.goto("/login"))!.text();
    const chunk = /<script[^>]*\ssrc="(\/_next\/static\/[^"]+)"/.exec(login)?.[1];
    expect(chunk).toBeTruthy();
    expectFixedHeaders(await request.get(chunk!));
    expect(violations).toEqual([]);
  });

  test("another origin cannot frame the app, even on the same site", async ({ page, baseURL }) => {
    await signIn(page);
    const prefix = `${uniqueSpace()}.2.0/24`;
    const networkId = await createNetwork(page, prefix, { name: "CSP framed" });
    const target = `${baseURL}/networks/${networkId}`;
    // Another port of the same host: the same site, so a Lax session cookie would travel with the frame.
    const other = new URL(baseURL!);
    other.port = String(Number(other.port) + 1);
    const attacker = `${other.origin}/frame`;
    await page.route(attacker, (route) => route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><body><iframe src="${target}" width="800" height="600" onload="document.body.dataset.loaded = '1'"></iframe></body>`,
    }));
    const framed = page.frameLocator("iframe");

    // Control: with the two headers stripped in transit the page does render inside the frame...
    await page.route(target, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["content-security-policy"];
      delete headers["x-frame-options"];
      await route.fulfill({ response, headers });
    });
    await page.goto(attacker);
    await expect(framed.getByRole("heading", { level: 1 })).toHaveText(prefix);
    await expect(framed.getByRole("button", { name: "Delete", exact: true })).toBeVisible();
    await page.unroute(target);

    // ...and with them the browser refuses to show it: the frame stays empty.
    await page.goto(attacker);
    await page.waitForSelector("body[data-loaded]", { state: "attached" });
    await expect(framed.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
    await expect(framed.getByRole("heading", { level: 1 })).toHaveCount(0);
  });
});
