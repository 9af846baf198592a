import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, uniqueSpace } from "./helpers";
import { createNetwork } from "./ui-helpers";

// Issue 13 C: the address map is one tab stop, a WAI-ARIA grid the keys move
// through, Enter opens what a cell leads to, and each cell's address and
// state are its accessible name. Plus the map's colours (contrast) and the
// weight of a /22's page.

/** A write through the API with the signed-in session (the Origin a browser would send; CSRF). */
async function api(page: Page, path: string, data: unknown): Promise<{ id: number }> {
  const response = await page.request.post(`/api/v1${path}`, { data, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** Puts the focus just before the map, so the next Tab is the one that reaches it. */
async function focusBeforeMap(page: Page): Promise<void> {
  await page.getByTestId("address-map-legend").evaluate((legend: HTMLElement) => {
    legend.tabIndex = -1;
    legend.focus();
  });
}

test.beforeEach(async ({ page }) => {
  // Each test makes its networks and walks the map key by key: about a minute on a busy machine.
  test.slow();
  await signIn(page);
});

test("a /22 map is one tab stop; arrows, Home/End and PageUp/PageDown move through it and stop at its edges", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.4.0/22`, { name: "map keys", gateway: `${s}.4.1` });
  const map = page.getByTestId("address-map");
  const cell = (ip: string) => map.locator(`[data-ip="${s}.${ip}"]`);
  await expect(map.getByRole("gridcell")).toHaveCount(1024);
  for (const block of [4, 5, 6, 7]) await expect(page.getByRole("grid", { name: `${s}.${block}.0/24` })).toHaveCount(1);
  // Of 1,024 cells (1,021 of them links to "new host here"), one is in the tab order.
  await expect(map.locator("a:not([tabindex='-1']), [tabindex='0']")).toHaveCount(1);

  // Tab enters the map once, on its first cell, and the next Tab leaves it.
  await focusBeforeMap(page);
  await page.keyboard.press("Tab");
  await expect(cell("4.0")).toBeFocused();
  await expect(cell("4.0")).toHaveAccessibleName(`${s}.4.0 · Network address`);
  await page.keyboard.press("Tab");
  await expect(map.locator(":focus")).toHaveCount(0);
  await page.keyboard.press("Shift+Tab");
  await expect(cell("4.0")).toBeFocused();

  const press = async (key: string, ip: string) => {
    await page.keyboard.press(key);
    await expect(cell(ip), `${key} → ${s}.${ip}`).toBeFocused();
  };
  // The first row: nothing left of it or above it.
  await press("ArrowLeft", "4.0");
  await press("ArrowUp", "4.0");
  await press("ArrowRight", "4.1");
  // The focused cell's address and state are what a screen reader announces, and the info bar says the same.
  await expect(cell("4.1")).toHaveAccessibleName(`${s}.4.1 · Gateway`);
  await expect(page.getByTestId("address-map-info")).toHaveText(`${s}.4.1 · Gateway`);
  await press("End", "4.15");
  await press("ArrowRight", "4.15");
  await press("Home", "4.0");
  await press("ArrowDown", "4.16");
  await press("ArrowRight", "4.17");
  await expect(cell("4.17")).toHaveAccessibleName(`${s}.4.17 · Free`);
  // PageDown/PageUp: four rows (64 addresses) in the same column, no further than the first row.
  await press("PageDown", "4.81");
  await press("PageUp", "4.17");
  await press("PageUp", "4.1");
  // Rows run on from one /24 into the next.
  await press("Control+End", "7.255");
  await press("ArrowDown", "7.255");
  await press("ArrowRight", "7.255");
  await press("PageDown", "7.255");
  await press("Home", "7.240");
  await press("ArrowUp", "7.224");
  await press("Control+Home", "4.0");
  for (let i = 0; i < 15; i++) await page.keyboard.press("ArrowDown");
  await expect(cell("4.240")).toBeFocused();
  await press("ArrowDown", "5.0");

  // The tab stop stays where the user left the map.
  await expect(map.locator("a:not([tabindex='-1']), [tabindex='0']")).toHaveCount(1);
  await page.keyboard.press("Tab");
  await expect(map.locator(":focus")).toHaveCount(0);
  await page.keyboard.press("Shift+Tab");
  await expect(cell("5.0")).toBeFocused();

  // The page of a /22 with its map stays light (issue 13: 647 KB before).
  const html = await (await page.request.get(`/networks/${id}`)).text();
  expect(html.length).toBeLessThan(400_000);
});

test("Enter opens the host of a used cell and the new-host form for a free one; states keep their contrast", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.1.0/24`, { name: "map enter", gateway: `${s}.1.1`, dhcpStart: `${s}.1.200`, dhcpEnd: `${s}.1.210` });
  const host = await api(page, "/hosts", { ip_address: `${s}.1.20`, hostname: "map-enter" });
  await api(page, "/hosts", { ip_address: `${s}.1.22`, status: "reserved" });
  await api(page, "/hosts", { ip_address: `${s}.1.23`, status: "inactive" });
  await api(page, "/networks", { network: `${s}.1.128/28`, name: "map child" });
  await page.goto(`/networks/${id}`);
  const map = page.getByTestId("address-map");
  const cell = (ip: string) => map.locator(`[data-ip="${s}.${ip}"]`);
  await expect(cell("1.130")).toHaveAttribute("data-state", "child_network");

  // Each state's cells have the fill of its legend swatch, and no two states that sit side by side share one.
  const fills = await page.evaluate(() => {
    const fill = (el: Element | null) => (el ? getComputedStyle(el).backgroundColor : null);
    return [...document.querySelectorAll('[data-testid="address-map-legend"] li[data-state]')].map((item) => {
      const state = item.getAttribute("data-state")!;
      return { state, swatch: fill(item.querySelector("span")), cell: fill(document.querySelector(`[data-testid="address-map"] [data-state="${state}"]`)) };
    });
  });
  expect(fills.map((f) => f.state)).toEqual(["free", "active", "reserved", "inactive", "gateway", "dhcp_pool", "child_network", "network_address", "broadcast_address"]);
  for (const f of fills) expect(f.cell, f.state).toBe(f.swatch);
  expect(new Set(fills.filter((f) => f.state !== "broadcast_address").map((f) => f.cell)).size).toBe(fills.length - 1);

  // Every state on this map, its cells and its legend, meets WCAG AA contrast.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="address-map"]').include('[data-testid="address-map-legend"]').withTags(["wcag2aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // To the used cell with the keys: row 2 (.16), four to the right (.20).
  await focusBeforeMap(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await expect(cell("1.20")).toBeFocused();
  await expect(cell("1.20")).toHaveAccessibleName(new RegExp(`^${s.replace(".", "\\.")}\\.1\\.20 · Active · map-enter`));
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/hosts/${host.id}$`));
  await expect(page.getByTestId("host-ip-value")).toHaveText(`${s}.1.20`);

  // A free cell: the new-host form with that address and this network filled in.
  await page.goto(`/networks/${id}`);
  await focusBeforeMap(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect(cell("1.21")).toBeFocused();
  await expect(cell("1.21")).toHaveAccessibleName(`${s}.1.21 · Free`);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/hosts\/new\?/);
  const url = new URL(page.url());
  expect([url.searchParams.get("ip"), url.searchParams.get("network_id")]).toEqual([`${s}.1.21`, String(id)]);
  await expect(page.getByLabel("IP address")).toHaveValue(`${s}.1.21`);
  await expect(page.getByLabel("Next free in network")).toHaveValue(String(id));
  await expect(page.getByTestId("derived-network")).toContainText(`${s}.1.0/24`);

  // A cell that leads nowhere (the DHCP pool): Enter stays on the map.
  await page.goto(`/networks/${id}`);
  await cell("1.205").focus();
  await expect(cell("1.205")).toHaveAccessibleName(`${s}.1.205 · DHCP pool`);
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowRight");
  await expect(cell("1.206")).toBeFocused();
  expect(new URL(page.url()).pathname).toBe(`/networks/${id}`);

  // A retired network's free space ("not allocatable") keeps its contrast too.
  await createNetwork(page, `${s}.9.0/28`, { name: "map retired", status: "deprecated" });
  await expect(page.getByTestId("address-map").locator(`[data-ip="${s}.9.5"]`)).toHaveAttribute("data-state", "blocked");
  const retired = await new AxeBuilder({ page }).include('[data-testid="address-map"]').include('[data-testid="address-map-legend"]').withTags(["wcag2aa"]).analyze();
  expect(retired.violations.map((v) => v.id)).toEqual([]);
});
