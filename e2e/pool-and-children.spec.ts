import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { createNetwork } from "./ui-helpers";

// Issue 9, first finding: a child network could cover its parent's DHCP pool,
// which then read as free in the child's map, in available-ips and in search
// while the dnsmasq file still handed the range out dynamically.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("a child network covering the parent's DHCP pool is refused, naming both; the pool stays a pool everywhere", async ({ page }) => {
  const s = uniqueSpace();
  const parent = `${s}.10.0/24`;
  const parentId = await createNetwork(page, parent, { name: "Pool parent", gateway: `${s}.10.1`, dhcpStart: `${s}.10.200`, dhcpEnd: `${s}.10.250` });

  // The /25 that holds .200–.250 is refused with a message naming the child and the pool's network.
  await page.goto("/networks/new");
  await page.getByLabel("Network (CIDR)").fill(`${s}.10.128/25`);
  await page.getByRole("button", { name: "Create network" }).click();
  const refusal = page.locator("#field-network-error");
  await expect(refusal).toContainText(`${s}.10.128/25`);
  await expect(refusal).toContainText(parent);
  await expect(refusal).toContainText(/DHCP pool/i);
  await expect(page).toHaveURL(/\/networks\/new$/);
  await screenshot(page, "child-over-pool-refused");

  // Nothing was written: the parent has no child, and its pool is still a pool in the map and in search.
  await page.goto(`/networks/${parentId}`);
  await expect(page.getByTestId("child-networks")).toHaveCount(0);
  await expect(page.getByTestId("address-map").locator(`[data-ip="${s}.10.210"]`)).toHaveAttribute("data-state", "dhcp_pool");
  await page.goto(`/search?q=${s}.10.210`);
  await expect(page.getByTestId("address-state")).toHaveText("DHCP pool");
  await expect(page.getByRole("link", { name: `Add host at ${s}.10.210` })).toHaveCount(0);

  // A child beside the pool is fine; moving the pool onto it is refused the same way.
  await createNetwork(page, `${s}.10.0/25`, { name: "Beside the pool" });
  await page.goto(`/networks/${parentId}/edit`);
  await page.getByLabel("DHCP pool start").fill(`${s}.10.20`);
  await page.getByLabel("DHCP pool end").fill(`${s}.10.30`);
  await page.getByRole("button", { name: "Save changes" }).click();
  const moved = page.locator("#field-dhcp_start-error, #field-dhcp_end-error, #field-network-error").filter({ hasText: `${s}.10.0/25` });
  await expect(moved.first()).toBeVisible();
  await expect(moved.first()).toContainText(/DHCP pool/i);
  await page.goto(`/networks/${parentId}`);
  await expect(page.getByTestId("address-map").locator(`[data-ip="${s}.10.210"]`)).toHaveAttribute("data-state", "dhcp_pool");
  await expect(page.getByTestId("address-map").locator(`[data-ip="${s}.10.25"]`)).toHaveAttribute("data-state", "child_network");
});
