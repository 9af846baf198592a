import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";
import { allocateNext, createNetwork } from "./ui-helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("the subnet calculator works live in the browser", async ({ page }) => {
  await page.goto("/tools/subnet-calculator");
  await page.getByLabel("Prefix", { exact: true }).fill("10.1.2.77/23");
  const facts = page.getByTestId("prefix-facts");
  await expect(page.getByText("has host bits set — showing its network 10.1.2.0/23")).toBeVisible();
  await expect(facts.locator('[data-label="Network"]')).toHaveText("10.1.2.0");
  await expect(facts.locator('[data-label="Broadcast"]')).toHaveText("10.1.3.255");
  await expect(facts.locator('[data-label="Netmask"]')).toHaveText("255.255.254.0");
  await expect(facts.locator('[data-label="Wildcard"]')).toHaveText("0.0.1.255");
  await expect(facts.locator('[data-label="Capacity"]')).toHaveText("510");

  await page.getByLabel("Split 10.1.2.0/23 into").selectOption("25");
  await expect(page.getByTestId("split-count")).toContainText("4 subnets");
  await expect(page.getByTestId("split-list")).toContainText("10.1.3.128/25");

  await page.getByLabel("Netmask", { exact: true }).fill("255.255.255.192");
  await expect(page.getByTestId("mask-to-length")).toContainText("/26");
  await page.getByLabel("Prefix length").fill("20");
  await expect(page.getByTestId("length-to-mask")).toContainText("255.255.240.0");

  await page.getByLabel("Prefixes").fill("192.168.0.0/24\n192.168.1.0/24");
  await expect(page.getByTestId("summarize-list")).toHaveText("192.168.0.0/23");
  await page.getByLabel("First address").fill("10.0.0.0");
  await page.getByLabel("Last address").fill("10.0.0.9");
  await expect(page.getByTestId("range-list").locator("li")).toHaveText(["10.0.0.0/29", "10.0.0.8/31"]);

  await page.getByLabel("Prefix", { exact: true }).fill("2001:db8::/48");
  // Exact and grouped, with the compact form beside it (issue 13 B).
  await expect(facts.locator('[data-label="Addresses"]')).toHaveText("2^80 (1,208,925,819,614,629,174,706,176)");
  await screenshot(page, "subnet-calculator");
});

test("import/export page offers every download", async ({ page }) => {
  await page.goto("/import-export");
  for (const [testId, href] of [
    ["export-dnsmasq", "/export/hosts/dnsmasq"],
    ["export-dnsmasq-dns", "/export/hosts/dnsmasq-dns"],
    ["export-dnsmasq-dhcp", "/export/hosts/dnsmasq-dhcp"],
    ["export-hosts-csv", "/api/v1/export/csv?type=hosts"],
    ["export-networks-csv", "/api/v1/export/csv?type=networks"],
    ["export-hosts-json", "/api/v1/export/json?type=hosts"],
    ["export-hosts-xlsx", "/api/v1/export/xlsx?type=hosts"],
    ["export-networks-xlsx", "/api/v1/export/xlsx?type=networks"],
    ["export-kea-dhcp4", "/api/v1/export/kea-dhcp4"],
    ["export-kea-dhcp4-fragment", "/api/v1/export/kea-dhcp4?format=fragment"],
    ["export-kea-dhcp6", "/api/v1/export/kea-dhcp6"],
    ["export-kea-dhcp6-fragment", "/api/v1/export/kea-dhcp6?format=fragment"],
    ["export-hosts-file", "/api/v1/export/hosts-file"],
    ["export-ethers", "/api/v1/export/ethers"],
  ]) {
    await expect(page.getByTestId(testId)).toHaveAttribute("href", href);
  }
  await expect(page.getByRole("link", { name: "Import…" })).toHaveAttribute("href", "/import-export/import");
  await screenshot(page, "import-export");
});

test("pages fit a phone-width screen", async ({ page }) => {
  const id = await createNetwork(page, "10.77.14.0/24", { name: "UI phone", gateway: "10.77.14.1" });
  await page.goto("/");
  await expect(page.getByTestId("count-networks")).not.toHaveText("0");
  await screenshot(page, "dashboard");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, name] of [
    ["/", "phone-dashboard"],
    [`/networks/${id}`, "phone-network"],
    ["/networks", "phone-networks"],
    ["/hosts", "phone-hosts"],
    ["/hosts/new", "phone-host-form"],
    ["/changes", "phone-changes"],
    ["/discovery", "phone-discovery"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Wide tables scroll inside their card; the page itself never scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    await screenshot(page, name);
  }
});

test("dashboard cards open the filtered list behind them", async ({ page }) => {
  await createNetwork(page, "10.77.20.0/24", { name: "UI dashboard" });
  await allocateNext(page, { hostname: "dash-reserved" });
  await page.getByTestId("hosts-table").getByRole("link", { name: "10.77.20.1" }).click();
  await page.getByRole("form", { name: "Edit host" }).getByLabel("Status").selectOption("reserved");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Host 10.77.20.1 saved")).toBeVisible();

  await page.goto("/");
  const reserved = Number((await page.getByTestId("count-reserved").textContent())?.replace(/,/g, ""));
  expect(reserved).toBeGreaterThan(0);
  await page.getByTestId("count-reserved").click();
  await page.waitForURL(/\/hosts\?status=reserved$/);
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("reserved");
  await expect(page.getByTestId("pagination-summary")).toContainText(`of ${reserved.toLocaleString("en-US")}`);
  const statuses = await page.getByTestId("hosts-table").locator("tbody tr").allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const row of statuses) expect(row).toContain("reserved");
  await screenshot(page, "dashboard-reserved-hosts");

  await page.goto("/");
  const networks = Number((await page.getByTestId("count-networks").textContent())?.replace(/,/g, ""));
  await page.getByTestId("count-networks").click();
  await page.waitForURL(/\/networks$/);
  await expect(page.getByTestId("pagination-summary")).toContainText(`of ${networks.toLocaleString("en-US")}`);

  await page.goto("/");
  await page.getByTestId("count-free").click();
  await page.waitForURL(/\/networks\?family=4$/);
  await expect(page.getByRole("combobox", { name: "Family" })).toHaveValue("4");

  await page.goto("/");
  await page.getByTestId("recent-hosts").getByRole("link", { name: "10.77.20.1" }).click();
  await page.waitForURL(/\/hosts\/\d+$/);
  await page.goto("/");
  await page.getByRole("link", { name: "All →" }).last().click();
  await page.waitForURL(/\/hosts\?sort=-created_at$/);
  await expect(page.getByTestId("hosts-table").getByTestId("host-ip").first()).toHaveText("10.77.20.1");
});
