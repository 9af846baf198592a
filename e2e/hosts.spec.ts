import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { allocateNext, createHost, createNetwork } from "./ui-helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("create a host by clicking a free cell in the address map", async ({ page }) => {
  const id = await createNetwork(page, "10.77.2.0/24", { name: "UI map", gateway: "10.77.2.1", dhcpStart: "10.77.2.200", dhcpEnd: "10.77.2.220" });
  const map = page.getByTestId("address-map");
  await expect(map.locator("[data-ip]")).toHaveCount(256);
  await expect(map.locator('[data-ip="10.77.2.0"]')).toHaveAttribute("data-state", "network_address");
  await expect(map.locator('[data-ip="10.77.2.255"]')).toHaveAttribute("data-state", "broadcast_address");
  await expect(map.locator('[data-ip="10.77.2.210"]')).toHaveAttribute("data-state", "dhcp_pool");
  await expect(page.getByTestId("address-map-legend")).toContainText("DHCP pool");

  await map.locator('[data-ip="10.77.2.10"]').click();
  await page.waitForURL(/\/hosts\/new\?ip=10\.77\.2\.10/);
  await expect(page.getByLabel("IP address")).toHaveValue("10.77.2.10");
  await expect(page.getByTestId("derived-network")).toContainText("10.77.2.0/24");
  await expect(page.getByTestId("derived-network")).toContainText("free");
  await page.getByLabel("Hostname").fill("map-host");
  await screenshot(page, "host-new-from-map");
  await page.getByRole("button", { name: "Create host" }).click();

  await page.waitForURL(new RegExp(`/networks/${id}$`));
  await expect(page.getByText("Host 10.77.2.10 created")).toBeVisible();
  const cell = page.getByTestId("address-map").locator('[data-ip="10.77.2.10"]');
  await expect(cell).toHaveAttribute("data-state", "active");
  await cell.hover();
  await expect(page.getByTestId("address-map-info")).toContainText("map-host");
  await screenshot(page, "address-map");
});

test("allocate the next IP", async ({ page }) => {
  await createNetwork(page, "10.77.3.0/24", { name: "UI allocate", gateway: "10.77.3.1" });
  await expect(await allocateNext(page, { hostname: "alloc-a", mac: "AA-BB-CC-77-03-02" })).toBe("10.77.3.2");
  await expect(page.getByText("Allocated 10.77.3.2").first()).toBeVisible();
  await expect(await allocateNext(page, { hostname: "alloc-b" })).toBe("10.77.3.3");
  const table = page.getByTestId("hosts-table");
  await expect(table).toContainText("alloc-a");
  await expect(table).toContainText("aa:bb:cc:77:03:02");
  await expect(table).toContainText("alloc-b");
  await expect(page.getByTestId("address-map").locator('[data-ip="10.77.3.3"]')).toHaveAttribute("data-state", "active");
  await screenshot(page, "allocate-next-ip");

  // The network's dnsmasq file downloads with the session (no API token needed).
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-dnsmasq").click()]);
  const text = readFileSync(await download.path(), "utf8");
  expect(text).toContain("10.77.3.2");
  expect(text).toContain("alloc-a");
});

test("edit a host: a duplicate IP is refused and nothing changes", async ({ page }) => {
  await createNetwork(page, "10.77.4.0/24", { name: "UI edit" });
  await allocateNext(page, { hostname: "first" });
  await allocateNext(page, { hostname: "second" });
  await page.getByTestId("hosts-table").getByRole("link", { name: "10.77.4.2" }).click();
  await page.waitForURL(/\/hosts\/\d+$/);
  const form = page.getByRole("form", { name: "Edit host" });
  await form.getByLabel("IP address").fill("10.77.4.1");
  await form.getByLabel("Hostname").fill("renamed");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#field-ip_address-error")).toContainText("already used by host");
  await screenshot(page, "host-edit-duplicate-ip");

  await page.reload();
  await expect(page.getByTestId("host-ip-value")).toHaveText("10.77.4.2");
  await expect(page.getByTestId("host-hostname-value")).toHaveText("second");

  // A valid edit saves, with the MAC normalized on blur.
  await form.getByLabel("MAC address").fill("AABB.CC77.0402");
  await form.getByLabel("MAC address").blur();
  await expect(form.getByLabel("MAC address")).toHaveValue("aa:bb:cc:77:04:02");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Host 10.77.4.2 saved")).toBeVisible();
  await expect(page.getByTestId("host-mac-value")).toHaveText("aa:bb:cc:77:04:02");
  await screenshot(page, "host-edited");
});

test("sort the hosts table by IP numerically", async ({ page }) => {
  const id = await createNetwork(page, "10.77.5.0/24", { name: "UI sort" });
  for (const last of [10, 2, 100, 9]) await createHost(page, `10.77.5.${last}`, { hostname: `sort-${last}` });
  await page.goto(`/hosts?network_id=${id}`);
  const ips = page.getByTestId("hosts-table").getByTestId("host-ip");
  const octets = async () => (await ips.allTextContents()).map((ip) => Number(ip.split(".")[3]));

  await expect(ips).toHaveCount(4);
  expect(await octets()).toEqual([2, 9, 10, 100]);

  await page.getByRole("button", { name: /IP address/ }).click();
  await page.waitForURL(/sort=-ip_address/);
  await expect(ips.first()).toHaveText("10.77.5.100");
  expect(await octets()).toEqual([100, 10, 9, 2]);
  await expect(page.getByRole("columnheader", { name: /IP address/ })).toHaveAttribute("aria-sort", "descending");
  await screenshot(page, "hosts-sorted-desc");

  await page.getByRole("button", { name: /IP address/ }).click();
  await expect(ips.first()).toHaveText("10.77.5.2");
  expect(await octets()).toEqual([2, 9, 10, 100]);
});

test("search by MAC from the header jumps to the host", async ({ page }) => {
  await createNetwork(page, "10.77.12.0/24", { name: "UI search" });
  const id = await createHost(page, "10.77.12.34", { hostname: "mac-search", mac: "5254.00ab.cd77" });
  await expect(page.getByTestId("host-mac-value")).toHaveText("52:54:00:ab:cd:77");

  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Global search" });
  await search.fill("52-54-00-AB-CD-77");
  await search.press("Enter");
  await page.waitForURL(new RegExp(`/hosts/${id}$`));
  await expect(page.getByTestId("host-hostname-value")).toHaveText("mac-search");
  await screenshot(page, "search-by-mac");

  // An address without a host shows its network and state.
  await search.fill("10.77.12.35");
  await search.press("Enter");
  await page.waitForURL(/\/search\?q=10\.77\.12\.35/);
  await expect(page.getByTestId("address-lookup")).toContainText("10.77.12.0/24");
  await expect(page.getByTestId("address-state")).toHaveText("Free");
  await screenshot(page, "search-free-address");
});

test("bulk status change and bulk delete, each confirmed first", async ({ page }) => {
  await createNetwork(page, "10.77.15.0/24", { name: "UI bulk" });
  for (const name of ["bulk-a", "bulk-b", "bulk-c"]) await allocateNext(page, { hostname: name });
  const table = page.getByTestId("hosts-table");
  await page.getByRole("checkbox", { name: "Select 10.77.15.1" }).check();
  await page.getByRole("checkbox", { name: "Select 10.77.15.2" }).check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 hosts selected");
  await page.getByLabel("New status").selectOption("reserved");
  await page.getByRole("button", { name: "Apply" }).click();
  const dialog = page.getByRole("dialog");
  // The network page also holds the delete-network dialog; each dialog is named by its own title.
  await expect(page.getByRole("dialog", { name: "Set 2 hosts to reserved?" })).toBeVisible();
  await expect(dialog).toContainText("Set 2 hosts to reserved?");
  await screenshot(page, "hosts-bulk-status-confirm");
  await dialog.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByText("Set 2 hosts to reserved")).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "bulk-a" })).toContainText("reserved");
  await expect(table.getByRole("row").filter({ hasText: "bulk-c" })).toContainText("active");

  await page.getByRole("checkbox", { name: "Select all hosts on this page" }).check();
  await page.getByRole("button", { name: "Delete selected" }).click();
  await expect(page.getByRole("dialog", { name: "Delete 3 hosts?" })).toBeVisible();
  await expect(dialog).toContainText("Delete 3 hosts?");
  await dialog.getByRole("button", { name: "Delete 3 hosts" }).click();
  await expect(page.getByText("Deleted 3 hosts")).toBeVisible();
  await expect(table.getByTestId("host-ip")).toHaveCount(0);
  await screenshot(page, "hosts-bulk-deleted");
});

test("descriptions keep several lines, as the original's textarea did", async ({ page }) => {
  const s = uniqueSpace();
  await page.goto("/networks/new");
  await page.getByLabel("Network (CIDR)").fill(`${s}.80.0/24`);
  await page.getByLabel("Description").fill("Rack 4\nPatch panel B");
  await page.getByRole("button", { name: "Create network" }).click();
  await page.waitForURL(/\/networks\/\d+$/);
  expect(await page.getByTestId("network-description").innerText()).toBe("Rack 4\nPatch panel B");

  await page.goto("/hosts/new");
  await page.getByLabel("IP address").fill(`${s}.80.10`);
  await page.getByLabel("Description").fill("Printer\r\nsecond floor\n\tby the stairs");
  await page.getByRole("button", { name: "Create host" }).click();
  await page.waitForURL(/\/hosts\/\d+$/);
  expect(await page.getByTestId("host-description").innerText()).toContain("Printer\nsecond floor\n");
  await screenshot(page, "host-multi-line-description");
});
