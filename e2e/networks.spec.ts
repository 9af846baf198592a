import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";
import { allocateNext, createNetwork } from "./ui-helpers";

// Prefixes under 10.77.0.0/16 belong to the UI specs; each test has its own.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("create a network: invalid CIDR and host bits set are explained under the field", async ({ page }) => {
  await page.goto("/networks/new");
  const prefix = page.getByLabel("Network (CIDR)");
  const error = page.locator("#field-network-error");

  await prefix.fill("10.77.300.0/24");
  await page.getByRole("button", { name: "Create network" }).click();
  await expect(error).toContainText("not a valid prefix");
  await expect(prefix).toHaveAttribute("aria-invalid", "true");
  await expect(prefix).toHaveAttribute("aria-describedby", /field-network-error/);
  await screenshot(page, "network-create-invalid-cidr");

  await prefix.fill("10.77.1.5/24");
  await page.getByRole("button", { name: "Create network" }).click();
  await expect(error).toContainText("host bits set");
  await expect(error).toContainText("did you mean 10.77.1.0/24");
  await screenshot(page, "network-create-host-bits");

  await page.getByRole("button", { name: "Use 10.77.1.0/24 instead" }).click();
  await expect(prefix).toHaveValue("10.77.1.0/24");
  await page.getByLabel("Name").fill("UI office LAN");
  await page.getByLabel("VLAN ID").fill("77");
  await page.getByLabel("Gateway").fill("10.77.1.1");
  await page.getByRole("button", { name: "Create network" }).click();

  await page.waitForURL(/\/networks\/\d+$/);
  await expect(page.getByText("Network 10.77.1.0/24 created")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("10.77.1.0/24");
  await expect(page.getByTestId("network-capacity")).toHaveText("254");
  await expect(page.getByTestId("address-map").locator('[data-ip="10.77.1.1"]')).toHaveAttribute("data-state", "gateway");
  await screenshot(page, "network-created");

  // Editing keeps the prefix and shows the server's cross-field rules under the field.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel("DHCP pool start").fill("10.77.1.50");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#field-dhcp_end-error")).toContainText("DHCP end is required");
  await page.getByLabel("DHCP pool end").fill("10.77.1.99");
  await page.getByLabel("Location").fill("Building 77");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Network 10.77.1.0/24 saved")).toBeVisible();
  await expect(page.getByTestId("address-map").locator('[data-ip="10.77.1.60"]')).toHaveAttribute("data-state", "dhcp_pool");
});

test("plan subnets and create one in one click", async ({ page }) => {
  const id = await createNetwork(page, "10.77.8.0/22", { name: "UI plan parent" });
  const list = page.getByTestId("free-subnets");
  await page.getByLabel("Subnet length").selectOption("24");
  await expect(list.getByText("10.77.11.0/24")).toBeVisible();
  await expect(list.locator("li")).toHaveCount(4);
  await page.getByLabel("Name for the new subnet").fill("UI planned");
  await page.getByRole("button", { name: "Create 10.77.9.0/24" }).click();

  await expect(page.getByText("Subnet 10.77.9.0/24 created")).toBeVisible();
  await expect(list.locator("li")).toHaveCount(3);
  await expect(list.getByText("10.77.9.0/24")).toHaveCount(0);
  await expect(page.getByTestId("child-networks")).toContainText("10.77.9.0/24");
  await expect(page.getByTestId("address-map").locator('[data-ip="10.77.9.20"]')).toHaveAttribute("data-state", "child_network");
  await screenshot(page, "subnet-planned");

  // The networks list shows the new subnet indented under its parent.
  await page.goto("/networks?q=10.77.");
  const child = page.getByTestId("network-prefix").filter({ hasText: "10.77.9.0/24" });
  await expect(child).toHaveAttribute("data-depth", "1");
  await expect(page.getByTestId("network-prefix").filter({ hasText: "10.77.8.0/22" })).toHaveAttribute("data-depth", "0");
  await screenshot(page, "networks-tree");
  expect(id).toBeGreaterThan(0);
});

test("deleting a network that still has hosts is blocked", async ({ page }) => {
  await createNetwork(page, "10.77.6.0/24", { name: "UI not empty" });
  await allocateNext(page, { hostname: "keep-me" });
  await page.reload();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("delete-blocked")).toContainText("still has 1 host");
  await expect(dialog.getByRole("button", { name: "Delete network" })).toHaveCount(0);
  await screenshot(page, "network-delete-blocked");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("10.77.6.0/24");
});

test("delete an empty network after confirming", async ({ page }) => {
  await createNetwork(page, "10.77.7.0/24", { name: "UI to delete" });
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Delete 10.77.7.0/24?");
  await screenshot(page, "network-delete-confirm");
  await dialog.getByRole("button", { name: "Delete network" }).click();
  await page.waitForURL(/\/networks$/);
  await expect(page.getByText("Network 10.77.7.0/24 deleted")).toBeVisible();
  await page.goto("/networks?q=10.77.7.0");
  await expect(page.getByTestId("network-prefix").filter({ hasText: "10.77.7.0/24" })).toHaveCount(0);
  await screenshot(page, "network-deleted");
});

test("large and IPv6 networks list free ranges instead of an address map", async ({ page }) => {
  await createNetwork(page, "10.77.64.0/20", { name: "UI large", gateway: "10.77.64.1" });
  await expect(page.getByTestId("address-map")).toHaveCount(0);
  const ranges = page.getByTestId("free-ranges");
  await expect(ranges.locator("tbody tr")).toHaveCount(1);
  await expect(ranges).toContainText("10.77.64.2");
  await expect(ranges).toContainText("10.77.79.254");
  await expect(ranges).toContainText("4,093");
  await screenshot(page, "network-free-ranges");

  await createNetwork(page, "2001:db8:77::/64", { name: "UI IPv6" });
  await expect(page.getByTestId("address-map")).toHaveCount(0);
  await expect(page.getByTestId("free-ranges")).toContainText("2001:db8:77::1");
  // Exact and grouped, with the compact form beside it (issue 13 B).
  await expect(page.getByTestId("network-capacity")).toHaveText("2^64 − 1 (18,446,744,073,709,551,615)");
  await screenshot(page, "network-ipv6");
});

test("networks list: numeric prefix order, tree only when ascending, filters and column choice", async ({ page }) => {
  await createNetwork(page, "10.77.100.0/24", { name: "UI tree far", vlan: "716", location: "Tree hall" });
  await createNetwork(page, "10.77.16.0/22", { name: "UI tree parent", vlan: "716", location: "Tree hall" });
  await createNetwork(page, "10.77.17.0/24", { name: "UI tree child", location: "Tree hall" });

  await page.goto("/networks?q=UI+tree");
  const prefixes = page.getByTestId("network-prefix");
  // Numeric order: 10.77.16 < 10.77.17 < 10.77.100 (text order would put 100 first).
  await expect(prefixes).toHaveText(["10.77.16.0/22", "10.77.17.0/24", "10.77.100.0/24"]);
  await expect(prefixes.nth(1)).toHaveAttribute("data-depth", "1");

  // Descending, a child comes before its parent: the list is flat, never indented under the wrong row.
  await page.getByRole("button", { name: /Prefix/ }).click();
  await page.waitForURL(/sort=-network/);
  await expect(prefixes).toHaveText(["10.77.100.0/24", "10.77.17.0/24", "10.77.16.0/22"]);
  for (const i of [0, 1, 2]) await expect(prefixes.nth(i)).toHaveAttribute("data-depth", "0");
  await expect(page.getByText("Flat view")).toBeVisible();
  await screenshot(page, "networks-sorted-desc");

  // The API's filters: VLAN, location, family, together with the search box.
  await page.goto("/networks?q=UI+tree");
  await page.getByRole("textbox", { name: "VLAN" }).fill("716");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL(/vlan_id=716/);
  await expect(prefixes).toHaveText(["10.77.16.0/22", "10.77.100.0/24"]);
  await page.getByRole("textbox", { name: "VLAN" }).fill("");
  await page.getByRole("textbox", { name: "Location" }).fill("Tree hall");
  await page.getByRole("combobox", { name: "Family" }).selectOption("6");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL(/family=6/);
  await expect(prefixes).toHaveCount(0);
  await expect(page.getByText("No networks match")).toBeVisible();
  await page.getByRole("combobox", { name: "Family" }).selectOption("4");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL(/family=4/);
  await expect(prefixes).toHaveCount(3);

  // Column visibility: hidden columns stay hidden after a reload.
  const table = page.getByTestId("networks-table");
  await expect(table.getByRole("columnheader", { name: /VLAN/ })).toBeVisible();
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "VLAN" }).uncheck();
  await expect(table.getByRole("columnheader", { name: /VLAN/ })).toHaveCount(0);
  await expect(table).not.toContainText("716");
  await screenshot(page, "networks-filtered-columns");
  await page.reload();
  await expect(prefixes).toHaveCount(3);
  await expect(table.getByRole("columnheader", { name: /VLAN/ })).toHaveCount(0);
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "VLAN" }).check();
  await expect(table.getByRole("columnheader", { name: /VLAN/ })).toBeVisible();
});
