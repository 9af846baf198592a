import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { allocateMany, createNetwork } from "./ui-helpers";

// Issue 13 D: bulk edit of chosen fields with a preview, and "Select all N
// matching" applying a bulk action to the whole filtered list, server-side.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

const row = (page: Page, ip: string) => page.getByTestId("hosts-table").getByRole("row").filter({ has: page.getByRole("link", { name: ip, exact: true }) });

test("edit description and status of 3 selected hosts, previewed first", async ({ page }) => {
  const s = uniqueSpace();
  const networkId = await createNetwork(page, `${s}.20.0/24`, { name: "Bulk edit" });
  const ips = await allocateMany(page, networkId, 4);
  await page.goto(`/networks/${networkId}`);
  for (const ip of ips.slice(0, 3)) await page.getByRole("checkbox", { name: `Select ${ip}`, exact: true }).check();
  await expect(page.getByTestId("selected-count")).toHaveText("3 hosts selected");
  await page.getByRole("button", { name: "Edit fields…" }).click();

  const dialog = page.getByRole("dialog", { name: "Edit 3 hosts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Preview changes" })).toBeDisabled();
  await dialog.getByLabel("Change status").check();
  await dialog.getByLabel("Status for selected hosts").selectOption("inactive");
  await dialog.getByLabel("Change description").check();
  await dialog.getByLabel("Description for selected hosts").fill("Rack 7");
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(dialog.getByTestId("bulk-edit-summary")).toHaveText("3 hosts will change.");
  const preview = dialog.getByTestId("bulk-edit-preview");
  await expect(preview.getByRole("row").filter({ hasText: ips[0] })).toContainText("Status");
  await expect(preview.getByRole("row").filter({ hasText: "Description" })).toHaveCount(3);
  await expect(preview).toContainText("Rack 7");
  // Nothing is written by the preview.
  await expect(row(page, ips[0])).toContainText("active");
  await screenshot(page, "bulk-edit-preview");

  // Changing a field discards the preview: what is applied is what was previewed.
  await dialog.getByLabel("Description for selected hosts").fill("Rack 8");
  await expect(preview).toBeHidden();
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(preview).toContainText("Rack 8");
  await dialog.getByRole("button", { name: "Apply to 3 hosts" }).click();
  await expect(page.getByText("Updated 3 hosts")).toBeVisible();
  await expect(dialog).toBeHidden();
  for (const ip of ips.slice(0, 3)) {
    await expect(row(page, ip)).toContainText("inactive");
    await expect(row(page, ip)).toContainText("Rack 8");
  }
  await expect(row(page, ips[3])).toContainText("active");
  await expect(row(page, ips[3])).not.toContainText("Rack 8");
});

test("select all N matching across pages of a filtered list, then apply edit and status to all of them", async ({ page }) => {
  const s = uniqueSpace();
  const networkId = await createNetwork(page, `${s}.21.0/24`, { name: "Bulk matching" });
  const other = await createNetwork(page, `${s}.22.0/24`, { name: "Bulk outside" });
  await allocateMany(page, networkId, 12);
  const [outside] = await allocateMany(page, other, 1);
  const list = `/hosts?network_id=${networkId}&per_page=5`;
  await page.goto(list);
  await expect(page.getByTestId("host-ip")).toHaveCount(5);

  await page.getByRole("checkbox", { name: "Select all hosts on this page" }).check();
  const offer = page.getByTestId("select-all-matching");
  await expect(offer).toContainText("All 5 hosts on this page are selected.");
  await offer.getByRole("button", { name: "Select all 12 hosts matching" }).click();
  await expect(page.getByTestId("selected-count")).toHaveText("All 12 hosts matching selected");
  await screenshot(page, "bulk-select-all-matching");

  // A host joins the filtered set after it was counted: the server refuses instead of editing 13.
  await allocateMany(page, networkId, 1);
  await page.getByRole("button", { name: "Edit fields…" }).click();
  let dialog = page.getByRole("dialog", { name: "Edit all 12 hosts matching" });
  await dialog.getByLabel("Change description").check();
  await dialog.getByLabel("Description for selected hosts").fill("Batch 21");
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(dialog.getByTestId("bulk-edit-refused")).toContainText("now matches 13 hosts, not the 12 expected");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.goto(list);
  await page.getByRole("checkbox", { name: "Select all hosts on this page" }).check();
  await page.getByTestId("select-all-matching").getByRole("button", { name: "Select all 13 hosts matching" }).click();
  await page.getByRole("button", { name: "Edit fields…" }).click();
  dialog = page.getByRole("dialog", { name: "Edit all 13 hosts matching" });
  await dialog.getByLabel("Change description").check();
  await dialog.getByLabel("Description for selected hosts").fill("Batch 21");
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(dialog.getByTestId("bulk-edit-summary")).toHaveText("13 hosts will change.");
  await dialog.getByRole("button", { name: "Apply to 13 hosts" }).click();
  await expect(page.getByText("Updated 13 hosts")).toBeVisible();

  await page.getByRole("checkbox", { name: "Select all hosts on this page" }).check();
  await page.getByTestId("select-all-matching").getByRole("button", { name: "Select all 13 hosts matching" }).click();
  await page.getByLabel("New status").selectOption("reserved");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Set all 13 hosts matching to reserved?" });
  await confirm.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByText("Set 13 hosts to reserved")).toBeVisible();

  // Every page of the filtered set changed; the host outside the filter did not.
  await page.goto(`/hosts?network_id=${networkId}&status=reserved&q=Batch%2021`);
  await expect(page.getByText("13 hosts match")).toBeVisible();
  await page.goto(`/hosts?q=${outside}`);
  await expect(row(page, outside)).toContainText("active");
  await expect(row(page, outside)).not.toContainText("Batch 21");
});
