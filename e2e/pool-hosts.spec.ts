import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { createHost, createNetwork, fillHostForm } from "./ui-helpers";

// Issue 9, second finding: a host without a MAC was accepted inside a DHCP
// pool (the form only said "in the DHCP pool"), so dnsmasq could lease its
// address to someone else.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("a host without a MAC in the DHCP pool is refused with the nearest free address outside it", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.20.0/24`, { name: "Pool hosts", gateway: `${s}.20.1`, dhcpStart: `${s}.20.200`, dhcpEnd: `${s}.20.250` });

  await fillHostForm(page, `${s}.20.210`, { hostname: "pool-nomac" });
  await expect(page.getByTestId("derived-network")).toContainText("DHCP pool");
  await page.getByRole("button", { name: "Create host" }).click();
  const error = page.locator("#field-ip_address-error");
  await expect(error).toContainText(/DHCP pool/i);
  await expect(error).toContainText(/MAC/);
  await expect(page).toHaveURL(/\/hosts\/new/);
  await screenshot(page, "host-in-pool-refused");

  // One click takes the suggestion; the host is created there.
  await page.getByRole("button", { name: `Use ${s}.20.199` }).click();
  await expect(page.getByLabel("IP address")).toHaveValue(`${s}.20.199`);
  await expect(error).toBeEmpty();
  await page.getByRole("button", { name: "Create host" }).click();
  await page.waitForURL(/\/hosts\/\d+$/);
  await expect(page.getByTestId("host-ip-value")).toHaveText(`${s}.20.199`);

  // With a MAC it is a static lease dnsmasq honours inside the range: accepted, and the map shows the host.
  await createHost(page, `${s}.20.211`, { hostname: "pool-lease", mac: "52:54:00:20:02:11" });
  await page.goto(`/networks/${id}`);
  const map = page.getByTestId("address-map");
  await expect(map.locator(`[data-ip="${s}.20.211"]`)).toHaveAttribute("data-state", "active");
  await expect(map.locator(`[data-ip="${s}.20.210"]`)).toHaveAttribute("data-state", "dhcp_pool");
  await expect(map.locator(`[data-ip="${s}.20.199"]`)).toHaveAttribute("data-state", "active");
});
