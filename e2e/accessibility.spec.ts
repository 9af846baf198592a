import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { loadEnv } from "../lib/env";
import { signIn, uniqueSpace } from "./helpers";
import { createUserThroughUi, createTokenThroughUi, strongPassword, uniqueEmail } from "./team-helpers";
import { createNetwork } from "./ui-helpers";

// WCAG 2.2 AA, checked by axe-core on every page of the app, as an admin and
// as a viewer (who sees other controls and "needs the editor role" notes),
// at desktop and phone width, with data on the pages. One page load per
// page × role × width; the violations of all pages are reported together.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;
// The vendored Swagger UI renders into this element of the docs page; our wrapper around it is checked.
const SWAGGER_CONTAINER = "#swagger-ui";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

interface Seeded {
  networkId: number;
  childId: number;
  hostId: number;
  freeIp: string;
  unusedPrefix: string;
  query: string;
  changeId: number;
  admin: StorageState;
  viewer: StorageState;
}

interface View {
  name: string;
  path: string;
  /** What shows once the page has rendered its data. */
  ready: (page: Page) => Locator;
  exclude?: string;
  timeout?: number;
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).first();

function views(s: Seeded): View[] {
  return [
    { name: "dashboard", path: "/", ready: (p) => p.getByRole("heading", { name: "Dashboard" }) },
    { name: "networks", path: "/networks", ready: (p) => p.getByTestId("networks-table") },
    { name: "network", path: `/networks/${s.networkId}`, ready: (p) => p.getByTestId("address-map") },
    { name: "child network", path: `/networks/${s.childId}`, ready: heading },
    { name: "new network", path: "/networks/new", ready: heading },
    { name: "edit network", path: `/networks/${s.networkId}/edit`, ready: heading },
    { name: "hosts", path: "/hosts", ready: (p) => p.getByTestId("hosts-table") },
    { name: "host", path: `/hosts/${s.hostId}`, ready: (p) => p.getByTestId("host-ip-value") },
    { name: "new host", path: "/hosts/new", ready: heading },
    { name: "search", path: `/search?q=${encodeURIComponent(s.query)}`, ready: heading },
    { name: "search address", path: `/search?q=${encodeURIComponent(s.freeIp)}`, ready: (p) => p.getByTestId("address-lookup") },
    { name: "search unused prefix", path: `/search?q=${encodeURIComponent(s.unusedPrefix)}`, ready: (p) => p.getByTestId("prefix-lookup") },
    { name: "import/export", path: "/import-export", ready: heading },
    { name: "import wizard", path: "/import-export/import", ready: heading },
    { name: "subnet calculator", path: "/tools/subnet-calculator", ready: heading },
    { name: "changes", path: "/changes", ready: heading },
    { name: "change", path: `/changes/${s.changeId}`, ready: heading },
    { name: "discovery", path: "/discovery", ready: heading },
    { name: "account", path: "/account", ready: heading },
    { name: "account tokens", path: "/account/tokens", ready: heading },
    { name: "admin users", path: "/admin/users", ready: heading },
    { name: "admin tokens", path: "/admin/tokens", ready: heading },
    { name: "not found", path: "/networks/999999999", ready: (p) => p.getByRole("heading", { name: "Not found" }) },
    { name: "API docs", path: "/api/v1/docs", exclude: SWAGGER_CONTAINER,
      // Swagger UI renders in the browser from a 1.4 MB bundle: the title, or its error box when the document failed.
      ready: (p) => p.locator(`${SWAGGER_CONTAINER} .info .title, ${SWAGGER_CONTAINER} .errors-wrapper`).first(), timeout: 30_000 },
  ];
}

/** One readable line per failing element: page, rule, impact, what to fix, where. */
async function violationsOn(page: Page, label: string, exclude?: string): Promise<string[]> {
  // Legacy mode runs axe once in the page instead of frame by frame (the app has no frames): the
  // network page's map takes seconds less. Passes are not collected, only violations.
  // options() replaces every option, the tags included: it comes first.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(TAGS).setLegacyMode(true);
  if (exclude) builder = builder.exclude(exclude);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) =>
    v.nodes.map((node) => {
      const why = (node.failureSummary ?? "").split("\n").slice(1).map((l) => l.trim()).filter(Boolean).join("; ");
      return `${label}: ${v.id} [${v.impact ?? "n/a"}] ${v.help} — ${node.target.join(" ")}${why ? ` — ${why}` : ""}`;
    }),
  );
}

let seeded: Seeded;

// Seeded once per run: a failed test restarts the worker, and the next test reads the file instead of seeding again.
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const file = join(loadEnv().E2E_DATA_DIR, "e2e-accessibility-seed.json");
  if (existsSync(file)) seeded = JSON.parse(readFileSync(file, "utf8")) as Seeded;
  else writeFileSync(file, JSON.stringify((seeded = await seed(browser))));
});

/** A network with a gateway, a DHCP pool, hosts and a child; a viewer; an API token; a change to open. */
async function seed(browser: Browser): Promise<Seeded> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  const space = uniqueSpace();
  const query = `a11y-${space.replace(".", "-")}`;
  const networkId = await createNetwork(page, `${space}.10.0/24`, {
    name: `${query} parent`, domain: "a11y.example.net", vlan: "42", location: "Berlin HQ",
    gateway: `${space}.10.1`, dhcpStart: `${space}.10.100`, dhcpEnd: `${space}.10.150`,
  });
  // Through the API (the allocate form has its own specs); the Origin is what a browser sends.
  let hostId = 0;
  for (const n of [1, 2, 3]) {
    const response = await page.request.post(`/api/v1/ip/networks/${networkId}/allocate`, {
      data: { hostname: `${query}-host-${n}`, mac_address: `02:00:00:00:11:0${n}` }, headers: { origin: new URL(page.url()).origin },
    });
    expect(response.status(), await response.text()).toBe(201);
    hostId = ((await response.json()) as { id: number }).id;
  }
  const childId = await createNetwork(page, `${space}.10.192/26`, { name: `${query} child` });

  const viewer = { email: uniqueEmail("a11y-viewer"), password: strongPassword(), role: "viewer" as const };
  await createUserThroughUi(page, viewer);
  await createTokenThroughUi(page, `${query}-token`, "viewer");

  await page.goto("/changes");
  const href = await page.getByRole("link", { name: /^Diff of change \d+$/ }).first().getAttribute("href");
  expect(href).toMatch(/^\/changes\/\d+$/);
  const admin = await context.storageState();
  await context.close();

  const viewerContext = await browser.newContext();
  const v = await viewerContext.newPage();
  await signIn(v, viewer);
  const viewerState = await viewerContext.storageState();
  await viewerContext.close();

  return { networkId, childId, hostId, freeIp: `${space}.10.77`, unusedPrefix: `${space}.20.0/24`, query, changeId: Number(href!.split("/").pop()), admin, viewer: viewerState };
}

for (const role of ["admin", "viewer"] as const) {
  for (const width of WIDTHS) {
    test(`every page has no WCAG 2.2 AA violations: ${role}, ${width.name}`, async ({ browser }) => {
      test.setTimeout(240_000);
      const context = await browser.newContext({ storageState: seeded[role], viewport: width.viewport });
      const page = await context.newPage();
      const problems: string[] = [];
      try {
        for (const view of views(seeded)) {
          await page.goto(view.path);
          await expect(view.ready(page), `${view.name} (${view.path}) rendered`).toBeVisible({ timeout: view.timeout });
          problems.push(...(await violationsOn(page, `${view.name} ${view.path}`, view.exclude)));
        }
        if (role === "admin" && width.name === "desktop") {
          // The form with its error messages showing: aria-describedby must point at what is on screen.
          await page.goto("/networks/new");
          await page.getByRole("button", { name: "Create network" }).click();
          await expect(page.getByLabel("Network (CIDR)")).toHaveAttribute("aria-invalid", "true");
          problems.push(...(await violationsOn(page, "new network with errors")));
        }
      } finally {
        await context.close();
      }
      expect(problems, `${problems.length} WCAG violations:\n${problems.join("\n")}`).toEqual([]);
    });
  }
}

test("signed out: the login page, also with its errors showing, has no WCAG 2.2 AA violations", async ({ browser }) => {
  // /setup is only reachable before the first admin exists (e2e/first-run.spec.ts); it redirects here now.
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: width.viewport });
    const page = await context.newPage();
    await page.goto("/setup");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const problems = await violationsOn(page, `login ${width.name}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    problems.push(...(await violationsOn(page, `login with errors ${width.name}`)));
    await context.close();
    expect(problems, `${problems.length} WCAG violations:\n${problems.join("\n")}`).toEqual([]);
  }
});

test("the first Tab stop is a skip link that moves focus to the main content", async ({ browser }) => {
  const context = await browser.newContext({ storageState: seeded.admin });
  const page = await context.newPage();
  for (const path of ["/networks", "/login"]) {
    if (path === "/login") await context.clearCookies();
    await page.goto(path);
    await expect(heading(page)).toBeVisible();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip, path).toBeFocused();
    await expect(skip, "visible once focused").toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main"), path).toBeFocused();
    // The next Tab continues inside main, past the header and its navigation.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null), `${path}: Tab after the skip lands in main`).toBe(true);
  }
  await context.close();
});
