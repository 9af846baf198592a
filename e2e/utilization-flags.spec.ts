import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { allocateNext, createNetwork } from "./ui-helpers";

// Issue 13 D, "Utilization at a glance": a network at or above its threshold
// (its own, else the default 80%) is flagged on its page, in the networks
// list and on the dashboard, whose count links to exactly those networks.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** Five of a /29's six usable addresses: 83.33%. */
async function fillFive(page: import("@playwright/test").Page) {
  for (let i = 0; i < 5; i++) await allocateNext(page);
}

test("a network over its threshold is flagged on its page, in the list and on the dashboard", async ({ page }) => {
  test.setTimeout(150_000); // ten allocations through the form
  const s = uniqueSpace();
  const byDefault = await createNetwork(page, `${s}.0.0/29`, { name: "Nearly full" });
  await expect(page.getByTestId("utilization-threshold")).toContainText("Threshold 80% (the default)");
  await expect(page.getByTestId("utilization-threshold").getByTestId("over-threshold")).toHaveCount(0);
  await fillFive(page);
  await page.goto(`/networks/${byDefault}`);
  await expect(page.getByTestId("network-utilization")).toHaveText("83%");
  await expect(page.getByTestId("utilization-threshold").getByTestId("over-threshold")).toHaveText(/Over 80%$/);

  // The form refuses a threshold outside 1–100 under the field, and keeps blank as the default.
  await page.goto("/networks/new");
  await page.getByLabel("Network (CIDR)").fill(`${s}.0.8/29`);
  await page.getByLabel("Utilization threshold (%)").fill("150");
  await page.getByRole("button", { name: "Create network" }).click();
  await expect(page.getByText("Utilization threshold must be a whole number from 1 to 100")).toBeVisible();
  await expect(page).toHaveURL(/\/networks\/new$/);
  await page.getByLabel("Utilization threshold (%)").fill("90");
  await page.getByRole("button", { name: "Create network" }).click();
  await page.waitForURL(/\/networks\/\d+$/);
  const ownThreshold = Number(new URL(page.url()).pathname.split("/").pop());
  await fillFive(page);
  await page.goto(`/networks/${ownThreshold}`);
  await expect(page.getByTestId("utilization-threshold")).toContainText("Threshold 90% (set for this network)");
  await expect(page.getByTestId("utilization-threshold").getByTestId("over-threshold")).toHaveCount(0);
  // The edit form shows the stored threshold.
  await page.goto(`/networks/${ownThreshold}/edit`);
  await expect(page.getByLabel("Utilization threshold (%)")).toHaveValue("90");

  // The list flags the row in words, not colour alone, and filters on it.
  await page.goto(`/networks?q=${s}.0.`);
  const table = page.getByTestId("networks-table");
  const row = (prefix: string) => table.getByRole("row").filter({ has: page.getByRole("link", { name: prefix, exact: true }) });
  await expect(row(`${s}.0.0/29`).getByTestId("over-threshold")).toHaveText(/Over 80%$/);
  await expect(row(`${s}.0.8/29`).getByTestId("over-threshold")).toHaveCount(0);
  await page.getByRole("combobox", { name: "Utilization", exact: true }).selectOption("true");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/over_threshold=true/);
  await expect(table.getByTestId("network-prefix")).toHaveText([`${s}.0.0/29`]);
  await screenshot(page, "utilization-flags-list");

  // The dashboard counts them and links to the same list.
  await page.goto("/");
  const card = page.getByTestId("over-threshold-card");
  await expect(card).toContainText("(default 80%, each network may set its own)");
  const count = Number((await card.getByTestId("over-threshold-count").innerText()).match(/^([\d,]+) networks? over/)![1].replace(/,/g, ""));
  expect(count).toBeGreaterThanOrEqual(1);
  await card.click();
  await page.waitForURL(/\/networks\?over_threshold=true$/);
  await expect(page.getByText(new RegExp(`^${count.toLocaleString("en-US")} networks?$`))).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Utilization", exact: true })).toHaveValue("true");
  await expect(page.getByTestId("networks-table").getByTestId("over-threshold").first()).toBeVisible();
});
