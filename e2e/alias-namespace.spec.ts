import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { createHost, createNetwork, fillHostForm } from "./ui-helpers";

// Issue 9, sixth finding: aliases were unique across all domains (portal in
// a.example blocked portal in b.example), while a hostname equal to an
// existing alias was accepted. A name's identity is now its FQDN, and
// hostnames and aliases share one namespace.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("the same alias in two domains is accepted; a hostname equal to an alias is refused", async ({ page }) => {
  const s = uniqueSpace();
  const tag = s.replace(".", "-");
  await createNetwork(page, `${s}.60.0/24`, { name: "Domain A", domain: `a-${tag}.example` });
  await createNetwork(page, `${s}.61.0/24`, { name: "Domain B", domain: `b-${tag}.example` });

  await createHost(page, `${s}.60.10`, { hostname: "intranet", cname: "portal" });
  // Same alias, other domain: a different DNS name.
  const web = await createHost(page, `${s}.61.10`, { hostname: "web", cname: "portal" });
  await expect(page.getByText(`Host ${s}.61.10 created`)).toBeVisible();
  expect(web).toBeGreaterThan(0);

  // A hostname that is already an alias in the same domain: refused, naming the host that has it.
  await fillHostForm(page, `${s}.60.11`, { hostname: "portal" });
  await page.getByRole("button", { name: "Create host" }).click();
  const error = page.locator("#field-hostname-error");
  await expect(error).toContainText(`portal.a-${tag}.example`);
  await expect(error).toContainText("intranet");
  await expect(page).toHaveURL(/\/hosts\/new/);
  await screenshot(page, "hostname-equals-alias-refused");

  // And the other way round: an alias equal to an existing hostname.
  await fillHostForm(page, `${s}.60.12`, { hostname: "mail", cname: "intranet" });
  await page.getByRole("button", { name: "Create host" }).click();
  await expect(page.locator("#field-cname-error")).toContainText(`intranet.a-${tag}.example`);
});
