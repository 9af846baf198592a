import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { createHost, createNetwork } from "./ui-helpers";

// Issue 9, eighth finding: ::ffff:10.0.0.77 was stored as a second host
// beside 10.0.0.77. IPv4-mapped and IPv4-compatible forms are refused
// wherever addresses enter, with the IPv4 form to use instead.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("an IPv4-mapped IPv6 address is refused with 'use the IPv4 form', in the forms and the API", async ({ page }) => {
  const s = uniqueSpace();
  await createNetwork(page, `${s}.0.0/24`, { name: "Canonical" });
  await createHost(page, `${s}.0.77`, { hostname: "canonical" });

  await page.goto("/hosts/new");
  await page.getByLabel("IP address").fill(`::ffff:${s}.0.77`);
  await page.getByLabel("Hostname").fill("mapped");
  await page.getByRole("button", { name: "Create host" }).click();
  await expect(page.locator("#field-ip_address-error")).toContainText(`use the IPv4 form ${s}.0.77`);
  await expect(page).toHaveURL(/\/hosts\/new/);
  await screenshot(page, "ipv4-mapped-refused");

  // The server says the same to a client that skips the form.
  for (const ip of [`::ffff:${s}.0.77`, `::ffff:${s}.0.78`]) {
    const response = await page.request.post("/api/v1/hosts", { data: { ip_address: ip, hostname: "mapped" }, headers: { origin: new URL(page.url()).origin } });
    expect(response.status()).toBe(422);
    expect(JSON.stringify(await response.json())).toContain(`use the IPv4 form ${ip.slice(7)}`);
  }

  // A network written as a mapped prefix is refused the same way.
  await page.goto("/networks/new");
  await page.getByLabel("Network (CIDR)").fill(`::ffff:${s}.1.0/120`);
  await page.getByRole("button", { name: "Create network" }).click();
  await expect(page.locator("#field-network-error")).toContainText(`use the IPv4 form ${s}.1.0/24`);

  // One host at .77, under its IPv4 form.
  await page.goto(`/hosts?q=${s}.0.77`);
  await expect(page.getByTestId("hosts-table").getByTestId("host-ip")).toHaveText([`${s}.0.77`]);
});
