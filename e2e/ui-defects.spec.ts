import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { serverEnv, signIn, uniqueSpace } from "./helpers";
import { allocateNext, createNetwork } from "./ui-helpers";

// Issue 13, section A: the defects a review in a real browser found, one test
// each, every one failing on the code before its fix.

/** A user made with the admin CLI against the test server's database. */
function createUser(role: "viewer" | "admin", email = `defects-${role}-${Date.now()}@example.test`) {
  const user = { email, password: `${role}-password-for-defects` };
  const created = spawnSync("npm", ["run", "--silent", "admin", "--", "user", "create", "--email", user.email, "--password", user.password, "--role", role], {
    env: serverEnv(),
    encoding: "utf8",
  });
  expect(created.status, created.stderr).toBe(0);
  return user;
}

/** A write through the API with the signed-in session (the Origin a browser would send; CSRF). */
async function api(page: Page, method: "POST" | "DELETE", path: string, data?: unknown) {
  const response = await page.request.fetch(`/api/v1${path}`, { method, data, headers: { origin: new URL(page.url()).origin, "content-type": "application/json" } });
  expect(response.ok(), await response.text()).toBe(true);
  return response.status() === 204 ? null : response.json();
}

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("A.1 new host: the first click on 'Use next free' and on Cancel counts; the network defaults to where the user came from", async ({ page }) => {
  const s = uniqueSpace();
  const first = await createNetwork(page, `${s}.1.0/24`, { name: "defects a.1 first" });
  const second = await createNetwork(page, `${s}.2.0/24`, { name: "defects a.1 second" });

  // From the hosts list filtered by a network, "New host" offers that network.
  await page.goto(`/hosts?network_id=${second}`);
  await page.getByRole("link", { name: "New host" }).click();
  await page.waitForURL(/\/hosts\/new/);
  const select = page.getByLabel("Next free in network");
  await expect(select).toHaveValue(String(second));

  // The IP field has focus; one click on "Use next free" fills it (no blur error moves the button away).
  await expect(page.getByLabel("IP address")).toBeFocused();
  await page.getByRole("button", { name: "Use next free" }).click();
  await expect(page.getByLabel("IP address")).toHaveValue(`${s}.2.1`);
  await expect(page.getByText("IP address is required")).toHaveCount(0);

  // Next time, with nothing to go by, the network last used is offered, not the first by sort order.
  await select.selectOption(String(first));
  await page.getByRole("button", { name: "Use next free" }).click();
  await expect(page.getByLabel("IP address")).toHaveValue(`${s}.1.1`);
  await page.goto("/hosts/new");
  await expect(select).toHaveValue(String(first));

  // Cancel leaves on its first click, with the focused IP field still empty.
  await expect(page.getByLabel("IP address")).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForURL((url) => url.pathname === "/hosts", { timeout: 5_000 });
});

test("A.2 a page number past the end is the last page, in the table and in the API", async ({ page }) => {
  const s = uniqueSpace();
  await createNetwork(page, `${s}.0.0/24`, { name: "defects a.2" });
  for (let i = 0; i < 3; i++) await allocateNext(page, { hostname: `a2-page-${i}` });

  await page.goto("/hosts?q=a2-page&per_page=25&page=999");
  await expect(page.getByTestId("pagination-summary")).toHaveText("1–3 of 3");
  await expect(page.getByTestId("hosts-table")).toContainText("a2-page-2");
  await expect(page.getByRole("button", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "Last" })).toBeDisabled();

  const listed = await (await page.request.get("/api/v1/hosts?q=a2-page&per_page=2&page=999")).json();
  expect(listed).toMatchObject({ total: 3, page: 2, pages: 2, per_page: 2 });
  expect(listed.items.map((h: { hostname: string }) => h.hostname)).toEqual(["a2-page-2"]);

  await page.goto("/networks?q=defects%20a.2&page=50");
  await expect(page.getByTestId("pagination-summary")).toHaveText("1–1 of 1");
});

test("A.3 a viewer opening a network's edit page is told the role it needs, not 404", async ({ page, browser }) => {
  const id = await createNetwork(page, `${uniqueSpace()}.0.0/24`, { name: "defects a.3" });
  const viewer = createUser("viewer");
  const context = await browser.newContext();
  const v = await context.newPage();
  await signIn(v, viewer);
  const response = await v.goto(`/networks/${id}/edit`);
  expect(response?.status()).toBe(200);
  await expect(v.getByText("Editing networks needs the editor role.")).toBeVisible();
  await expect(v.getByRole("form", { name: "Edit network" })).toHaveCount(0);
  // A network that does not exist is still a 404.
  expect((await v.goto("/networks/99999999/edit"))?.status()).toBe(404);
  await context.close();
});

test("A.4 no stale messages: login, allocate, import", async ({ page, browser }) => {
  // Login: the old "Wrong email or password" goes when the next attempt's field errors show.
  const context = await browser.newContext();
  const anon = await context.newPage();
  await anon.goto("/login");
  await anon.getByLabel("Email").fill("nobody-a4@example.test");
  await anon.getByLabel("Password").fill("not-the-password");
  await anon.getByRole("button", { name: "Sign in" }).click();
  await expect(anon.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await anon.getByLabel("Email").fill("");
  await anon.getByLabel("Password").fill("");
  await anon.getByRole("button", { name: "Sign in" }).click();
  await expect(anon.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(anon.getByText("Wrong email or password")).toHaveCount(0);
  await context.close();

  // Allocate: the last success does not stand beside a new error.
  await createNetwork(page, `${uniqueSpace()}.0.0/24`, { name: "defects a.4" });
  await allocateNext(page, { hostname: "a4-first" });
  const form = page.getByRole("form", { name: "Allocate next IP" });
  await expect(page.getByTestId("allocated-ip")).toBeVisible();
  await form.getByLabel("Hostname").fill("bad_name");
  await form.getByRole("button", { name: "Allocate next IP" }).click();
  await expect(form.getByLabel("Hostname")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("allocated-ip")).toHaveCount(0);

  // Import: "Choose another file" forgets the old file with the old file input.
  await page.goto("/import-export/import");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "a4.csv", mimeType: "text/csv", buffer: Buffer.from("ip_address,hostname\r\n10.199.254.1,a4-import\r\n") });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByTestId("import-preview")).toBeVisible();
  await page.getByRole("button", { name: "Choose another file" }).click();
  await expect(page.getByLabel("File", { exact: true })).toHaveValue("");
  await expect(page.getByRole("button", { name: "Preview import" })).toBeDisabled();
});

test("A.5 the Free IPv4 card holds a ten-digit count, and the header stays one row at 1440 px with an email as name", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // 128.0.0.0/2 (no spec uses 128–191) makes the free count a 13-character "1,073,7…", as long as 0.0.0.0/0's "4,294,967,…".
  const wide = await api(page, "POST", "/networks", { network: "128.0.0.0/2", name: "defects a.5" });
  try {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      const value = page.getByTestId("count-free");
      await expect(value).toHaveText(/^\d{1,3}(,\d{3}){3}$/);
      const fits = await value.evaluate((el) => {
        const card = el.closest("a")!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return { overflow: el.scrollWidth - el.clientWidth, right: box.right - card.right, left: card.left - box.left, height: box.height };
      });
      // One line, as tall as the other cards' counts (2rem).
      expect(fits.height, `at ${width} px`).toBeLessThanOrEqual(33);
      expect(fits.overflow, `at ${width} px`).toBeLessThanOrEqual(0);
      expect(fits.right, `at ${width} px`).toBeLessThanOrEqual(0);
      expect(fits.left, `at ${width} px`).toBeLessThanOrEqual(0);
    }
  } finally {
    await api(page, "DELETE", `/networks/${wide.id}`);
  }

  // An admin (the most nav items) whose name is an email.
  const admin = createUser("admin", `firstname.lastname.${Date.now()}@operations.example.test`);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const a = await context.newPage();
  await signIn(a, admin);
  const header = a.getByRole("banner");
  const nav = (await header.getByRole("navigation", { name: "Main" }).boundingBox())!;
  const parts = { logo: header.getByRole("link", { name: "IPAM" }), user: header.getByTestId("current-user"), "sign out": header.getByRole("button", { name: "Sign out" }) };
  for (const [name, locator] of Object.entries(parts)) {
    const box = (await locator.boundingBox())!;
    const middle = box.y + box.height / 2;
    expect(middle > nav.y && middle < nav.y + nav.height, `${name} on the nav's row`).toBe(true);
  }
  expect((await header.boundingBox())!.height).toBeLessThan(80);
  // For the record: how much of the nav scrolls at this width (0 = every item shows).
  const hidden = await header.getByRole("navigation", { name: "Main" }).evaluate((el) => el.scrollWidth - el.clientWidth);
  test.info().annotations.push({ type: "nav overflow at 1440 px (admin)", description: `${hidden} px` });
  await expect(header.getByTestId("current-user")).toContainText("admin");
  await context.close();
});

test("A.6 a new network that would contain existing ones says so and asks first", async ({ page }) => {
  // 0.0.0.0/0 would contain every IPv4 network: asked, not confirmed, nothing created.
  await page.goto("/networks/new");
  await page.getByLabel("Network (CIDR)").fill("0.0.0.0/0");
  await page.getByRole("button", { name: "Create network" }).click();
  const notice = page.getByTestId("containment-notice");
  await expect(notice).toContainText(/0\.0\.0\.0\/0 will contain [\d,]+ existing networks/);
  await expect(page).toHaveURL(/\/networks\/new$/);

  // fe80::/10 over a stored link-local /64.
  const linkLocal = await api(page, "POST", "/networks", { network: "fe80::/64", name: "defects a.6 link-local" });
  await page.getByLabel("Network (CIDR)").fill("fe80::/10");
  await page.getByRole("button", { name: "Create network" }).click();
  await expect(notice).toContainText("fe80::/10 will contain 1 existing network (fe80::/64) and become its parent");
  await api(page, "DELETE", `/networks/${linkLocal.id}`);

  // A /15 over two /16s: confirmed, created, and their parent.
  let a = Number(uniqueSpace().split(".")[1]);
  if (a % 2) a = Number(uniqueSpace().split(".")[1]);
  uniqueSpace();
  const low = await api(page, "POST", "/networks", { network: `10.${a}.0.0/16` });
  await api(page, "POST", "/networks", { network: `10.${a + 1}.0.0/16` });
  await page.goto("/networks/new");
  await page.getByLabel("Network (CIDR)").fill(`10.${a}.0.0/15`);
  await page.getByRole("button", { name: "Create network" }).click();
  await expect(notice).toContainText(`10.${a}.0.0/15 will contain 2 existing networks (10.${a}.0.0/16, 10.${a + 1}.0.0/16) and become their parent`);
  await expect(page).toHaveURL(/\/networks\/new$/);
  await notice.getByRole("button", { name: "Create it anyway" }).click();
  await page.waitForURL(/\/networks\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`10.${a}.0.0/15`);
  const parent = Number(new URL(page.url()).pathname.split("/").pop());
  const child = await (await page.request.get(`/api/v1/networks/${low.id}`)).json();
  expect(child.parent_id).toBe(parent);

  // A network that contains nothing is created without a question.
  await createNetwork(page, `10.${a}.7.0/24`);
});

test("A.7 the Columns menu closes on Escape and on a click outside", async ({ page }) => {
  await page.goto("/hosts");
  const menu = page.getByTestId("columns-menu");
  const summary = menu.locator("summary");
  await summary.click();
  await expect(menu).toHaveAttribute("open", "");
  await page.keyboard.press("Escape");
  await expect(menu).not.toHaveAttribute("open");
  await expect(summary).toBeFocused();

  await summary.click();
  await expect(menu).toHaveAttribute("open", "");
  // A click inside (a checkbox) keeps it open; one outside closes it.
  await menu.getByRole("checkbox").first().click();
  await expect(menu).toHaveAttribute("open", "");
  await menu.getByRole("checkbox").first().click();
  await page.getByRole("heading", { name: "Hosts", level: 1 }).click();
  await expect(menu).not.toHaveAttribute("open");
});

test("A.8 /favicon.ico is an icon, not a 404; the admin CLI's --help prints the usage", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/hosts");
  await expect(page.getByRole("heading", { name: "Hosts", level: 1 })).toBeVisible();
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(icon.url()).toMatch(/\/icon\.svg$/);
  expect(missing).toEqual([]);

  const help = spawnSync("npm", ["run", "--silent", "admin", "--", "--help"], { env: serverEnv(), encoding: "utf8" });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("usage:");
  expect(help.stderr).not.toMatch(/\n\s+at /);
});

test("A.9 gateway and DHCP-pool errors show in the same round as the other fields' errors", async ({ page }) => {
  const s = uniqueSpace();
  await page.goto("/networks/new");
  await page.getByLabel("Network (CIDR)").fill(`${s}.0.0/24`);
  await page.getByLabel("VLAN ID").fill("5000");
  await page.getByLabel("Gateway").fill(`${s}.9.1`);
  await page.getByLabel("DHCP pool start").fill(`${s}.0.50`);
  await page.getByLabel("DHCP pool end").fill(`${s}.0.40`);
  await page.getByRole("button", { name: "Create network" }).click();
  await expect(page.getByLabel("VLAN ID")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Gateway")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(`Gateway ${s}.9.1 is not inside ${s}.0.0/24`)).toBeVisible();
  await expect(page.getByLabel("DHCP pool end")).toHaveAttribute("aria-invalid", "true");

  // The API's 422 names every field at once too.
  const response = await page.request.post("/api/v1/networks", {
    data: { network: `${s}.0.0/24`, vlan_id: 5000, gateway: `${s}.9.1` }, headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(422);
  const body = JSON.stringify(await response.json());
  expect(body).toContain("vlan_id");
  expect(body).toContain("not inside");
});
