import { expect, test, type Page, type Request } from "@playwright/test";
import { signIn, uniqueSpace } from "./helpers";
import { createNetwork } from "./ui-helpers";

// Issue 13, section B (clarity): big numbers, planner defaults, the dnsmasq
// group, free ranges as blocks, the way back from the API docs, the phone
// header, and no prefetching of table and list links.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** A write through the API with the signed-in session (the Origin a browser would send; CSRF). */
async function api(page: Page, method: "POST" | "DELETE", path: string, data?: unknown) {
  const response = await page.request.fetch(`/api/v1${path}`, { method, data, headers: { origin: new URL(page.url()).origin, "content-type": "application/json" } });
  expect(response.ok(), await response.text()).toBe(true);
  return response.status() === 204 ? null : response.json();
}

/** A /48 of its own: 2001:db8:c1xx::/48 for the run's 10.1xx space. */
const ipv6Space = (space: string) => `2001:db8:c${space.split(".")[1]}`;

/** How far an element sticks out of its box (scroll) and of the given ancestor (layout), in px. */
async function overflowOf(page: Page, testId: string, ancestor: string) {
  return page.getByTestId(testId).first().evaluate((el, selector) => {
    const outer = el.closest(selector)!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { scroll: el.scrollWidth - el.clientWidth, right: box.right - outer.right, page: document.documentElement.scrollWidth - window.innerWidth };
  }, ancestor);
}

const EXACT_2_80 = "1,208,925,819,614,629,174,706,176";
const scientific = /\d\.\d+e\d+/;

test("IPv6 counts are exact and grouped with a compact form beside them, and fit at 390 px", async ({ page }) => {
  const name = `clarity big ${Date.now()}`;
  const net = await api(page, "POST", "/networks", { network: `${ipv6Space(uniqueSpace())}::/48`, name });
  try {
    // Network page: capacity and the utilization card.
    await page.goto(`/networks/${net.id}`);
    await expect(page.getByTestId("network-capacity")).toHaveText("2^80 − 1 (1,208,925,819,614,629,174,706,175)");
    await expect(page.getByTestId("network-total")).toHaveText("2^80 − 1 (1,208,925,819,614,629,174,706,175)");
    await expect(page.getByTestId("state-free")).toContainText("(1,208,925,819,614,629,174,706,17");
    await expect(page.locator("main")).not.toContainText(scientific);

    // Dashboard: the free IPv6 total, its labels as written ("IPv6", not CSS-uppercased "IPV6").
    await page.goto("/");
    const free = page.getByTestId("free-ipv6");
    await expect(free).toHaveText(/^(2\^\d+( − \d+)?|≈ \d\.\d\d × 10\^\d+) \(\d{1,3}(,\d{3})+\)$/);
    await expect(page.locator("main")).not.toContainText(scientific);
    for (const label of ["IPv4", "IPv6"]) await expect(page.locator("dt").filter({ hasText: label })).toHaveText(label, { useInnerText: true });

    // Networks table: the used / total column.
    await page.goto(`/networks?name=${encodeURIComponent(name)}`);
    await expect(page.getByTestId("network-usage")).toHaveText(`0 / 2^80 − 1 (1,208,925,819,614,629,174,706,175)`);

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      const card = await overflowOf(page, "free-ipv6", "section");
      expect(card.scroll, `dashboard at ${width} px`).toBeLessThanOrEqual(0);
      expect(card.right, `dashboard at ${width} px`).toBeLessThanOrEqual(0);
      expect(card.page, `dashboard at ${width} px`).toBeLessThanOrEqual(0);
      await page.goto(`/networks/${net.id}`);
      const total = await overflowOf(page, "network-total", "dl");
      expect(total.scroll, `utilization card at ${width} px`).toBeLessThanOrEqual(0);
      expect(total.right, `utilization card at ${width} px`).toBeLessThanOrEqual(0);
      expect(total.page, `network page at ${width} px`).toBeLessThanOrEqual(0);
      await page.goto(`/networks?name=${encodeURIComponent(name)}`);
      // The long total wraps at its commas inside its cell: several lines, not one 50-character one.
      const usage = page.getByTestId("network-usage");
      expect(await usage.evaluate((el) => el.scrollWidth - el.clientWidth), `networks table at ${width} px`).toBeLessThanOrEqual(0);
      expect((await usage.boundingBox())!.height).toBeGreaterThan(20);
    }
  } finally {
    await api(page, "DELETE", `/networks/${net.id}`);
  }
});

test("the planner suggests the natural subnet size: /64 in a /48, /24 in a /16", async ({ page }) => {
  const s = uniqueSpace();
  const v6 = await api(page, "POST", "/networks", { network: `${ipv6Space(s)}::/48`, name: "clarity planner v6" });
  try {
    await page.goto(`/networks/${v6.id}`);
    await expect(page.getByLabel("Subnet length")).toHaveValue("64");
    await expect(page.getByTestId("free-subnets").locator("li").first()).toHaveAttribute("data-prefix", `${ipv6Space(s)}::/64`);
  } finally {
    await api(page, "DELETE", `/networks/${v6.id}`);
  }
  await createNetwork(page, `${s}.0.0/16`, { name: "clarity planner v4" });
  await expect(page.getByLabel("Subnet length")).toHaveValue("24");
  await expect(page.getByTestId("free-subnets").locator("li").first()).toHaveAttribute("data-prefix", `${s}.0.0/24`);
});

test("the dnsmasq downloads are a labelled group whose label is not a button", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.1.0/24`, { name: "clarity dnsmasq" });
  const group = page.getByRole("group", { name: "dnsmasq config:" });
  await expect(group).toBeVisible();
  await expect(group.getByRole("link")).toHaveCount(3);
  await expect(group.getByRole("link", { name: "Download dnsmasq DNS + DHCP configuration" })).toHaveAttribute("href", `/api/v1/export/dnsmasq?network_id=${id}`);
  // The label: plain text, no border or fill that would make it look pressable, not focusable.
  const label = group.getByText("dnsmasq config:");
  const look = await label.evaluate((el) => {
    const style = getComputedStyle(el);
    return { border: style.borderTopWidth, background: style.backgroundColor, tabIndex: (el as HTMLElement).tabIndex };
  });
  expect(look).toEqual({ border: "0px", background: "rgba(0, 0, 0, 0)", tabIndex: -1 });
});

test("free ranges show as CIDR blocks with 'Create network here', and as first–last ranges on request", async ({ page }) => {
  const s = uniqueSpace();
  await createNetwork(page, `${s}.16.0/20`, { name: "clarity free ranges", gateway: `${s}.16.1` });
  const blocks = page.getByTestId("free-range-blocks").locator("li");
  // .16.2–.31.254 as the fewest aligned blocks: .16.2/31, .16.4/30 … .20.0/22, .24.0/22 … .31.254/32.
  await expect(blocks).toHaveCount(21);
  await expect(blocks.first()).toHaveAttribute("data-prefix", `${s}.16.2/31`);
  await expect(blocks.last()).toHaveAttribute("data-prefix", `${s}.31.254/32`);
  const block = page.locator(`[data-prefix="${s}.20.0/22"]`);
  await expect(block).toContainText("1,024 addresses");

  // The raw ranges are one click away.
  const ranges = page.getByTestId("free-ranges");
  await expect(ranges).toBeHidden();
  await page.getByText("First–last ranges (1)").click();
  await expect(ranges).toBeVisible();
  // One range: first, last, size.
  await expect(ranges.locator("tbody tr")).toHaveText([`${s}.16.2${s}.31.2544,093`]);

  // "Create network here" opens the form with the block filled in.
  await block.getByRole("link", { name: "Create network here" }).click();
  await page.waitForURL(/\/networks\/new\?network=/);
  await expect(page.getByLabel("Network (CIDR)")).toHaveValue(`${s}.20.0/22`);
});

test("the API docs page has a visible way back to the app", async ({ page }) => {
  await page.goto("/api/v1/docs");
  const back = page.getByRole("link", { name: "Back to IPAM" });
  await expect(back).toBeVisible();
  await back.click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});

test("at 390 px the nav shows that it scrolls, and the signed-in user and role are visible", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const user = page.getByTestId("current-user");
  await expect(user).toBeVisible();
  await expect(user).toContainText("admin");
  const box = (await user.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);

  const wrapper = page.getByTestId("main-nav");
  const nav = page.getByRole("navigation", { name: "Main" });
  expect(await nav.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
  await expect(wrapper).toHaveAttribute("data-more-after", "true");
  await expect(wrapper).toHaveAttribute("data-more-before", "false");
  await expect(page.getByTestId("nav-more-after")).toHaveCSS("opacity", "1");
  await nav.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(wrapper).toHaveAttribute("data-more-after", "false");
  await expect(wrapper).toHaveAttribute("data-more-before", "true");

  // On the last item's page, the nav starts scrolled to it.
  await page.goto("/admin/tokens");
  const current = nav.locator('[aria-current="page"]');
  await expect(current).toHaveText("Tokens");
  await expect.poll(async () => { const b = (await current.boundingBox())!; return b.x + b.width <= 390; }).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("links in tables and lists are not prefetched", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.2.0/24`, { name: "clarity prefetch" });
  const allocated = await page.request.post(`/api/v1/ip/networks/${id}/allocate`, { data: { count: 12 }, headers: { origin: new URL(page.url()).origin } });
  expect(allocated.status()).toBe(201);
  const hostPages = ((await allocated.json()) as { items: Array<{ id: number }> }).items.map((h) => `/hosts/${h.id}`);
  const prefetched: string[] = [];
  const record = (request: Request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  };
  page.on("request", record);
  for (const path of ["/", `/hosts?network_id=${id}`, "/networks", `/networks/${id}`, "/changes", `/search?q=${s}.2`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  page.off("request", record);
  // The nav's few links still are (so this test sees prefetches when they happen); no row's link is.
  expect(prefetched.some((p) => p === "/networks" || p === "/hosts")).toBe(true);
  // Rows link these: the network (networks table, dashboard lists, hosts' Network column), its hosts, changes.
  const rowLinks = (p: string) => p === `/networks/${id}` || hostPages.includes(p) || /^\/changes\/\d+$/.test(p);
  expect(prefetched.filter(rowLinks)).toEqual([]);
});
