import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { allocateMany, createNetwork } from "./ui-helpers";

// Issue 9, fourth finding: the planner listed 10.10.10.0/26 as free on a
// populated /24 although 63 hosts lived there ("Create" then failed on the
// broadcast address), and a full /30 offered "4 free /32".

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("the planner offers only subnets that can be created, each with the hosts it would take in", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.40.0/24`, { name: "Planner populated" });
  expect(await allocateMany(page, id, 62)).toContain(`${s}.40.62`);
  await page.reload();

  // Default "Empty only": the three empty /26 blocks, not the one holding .1–.62.
  const list = page.getByTestId("free-subnets");
  await expect(page.getByLabel("Subnet length")).toHaveValue("26");
  await expect(page.getByLabel("Empty only")).toBeChecked();
  await expect(list.locator("li")).toHaveCount(3);
  await expect(list.locator(`[data-prefix="${s}.40.0/26"]`)).toHaveCount(0);
  await expect(list.locator(`[data-prefix="${s}.40.64/26"]`)).toContainText("empty");

  // Showing blocks that take in hosts: .0/26 is creatable and says how many it would take in.
  await page.getByLabel("Empty only").uncheck();
  await expect(list.locator("li")).toHaveCount(4);
  await expect(list.locator(`[data-prefix="${s}.40.0/26"]`)).toContainText("takes in 62 hosts");
  await screenshot(page, "planner-hosts-counts");

  // A host on .63 would be that /26's broadcast address: the block is no longer offered at all.
  await allocateMany(page, id, 1);
  await page.reload();
  await page.getByLabel("Empty only").uncheck();
  await expect(list.locator("li")).toHaveCount(3);
  await expect(list.locator(`[data-prefix="${s}.40.0/26"]`)).toHaveCount(0);

  // Every offered block can really be created.
  await page.getByRole("button", { name: `Create ${s}.40.64/26` }).click();
  await expect(page.getByText(`Subnet ${s}.40.64/26 created`)).toBeVisible();
  await expect(page.getByTestId("child-networks")).toContainText(`${s}.40.64/26`);
});

test("a full /30 offers nothing", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.41.0/30`, { name: "Planner full /30" });
  expect(await allocateMany(page, id, 2)).toEqual([`${s}.41.1`, `${s}.41.2`]);
  await page.reload();
  for (const length of ["31", "32"]) {
    // A choice made before React hydrates the planner is reset by hydration
    // (the CI run failed on this): choose again until the planner follows it.
    await expect(async () => {
      await page.getByLabel("Subnet length").selectOption(length);
      await expect(page.getByTestId("no-free-subnets")).toContainText(`No empty /${length}`, { timeout: 1_000 });
    }).toPass();
    await expect(page.getByTestId("free-subnets")).toHaveCount(0);
  }
  await screenshot(page, "planner-full-30");
});
