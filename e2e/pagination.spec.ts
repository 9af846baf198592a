import { expect, test, type Page } from "@playwright/test";
import { signIn, uniqueSpace } from "./helpers";
import { createNetwork } from "./ui-helpers";

// Issue 13 D / issue 15.5: every paged table shows page numbers, First and
// Last; Prev and Next follow the list's keyset cursor (in the URL, so the
// view can be shared) and are named by their visible text.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** 23 hosts in a network of their own, through the API with the signed-in session. */
async function seedHosts(page: Page, space: string): Promise<void> {
  const items = Array.from({ length: 23 }, (_, i) => ({ ip_address: `${space}.5.${i + 10}`, hostname: `pg-${String(i).padStart(2, "0")}` }));
  const response = await page.request.post("/api/v1/hosts", { data: items, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), await response.text()).toBe(201);
}

const hostnames = (page: Page) => page.getByTestId("hosts-table").locator("tbody tr").evaluateAll((rows) =>
  rows.map((r) => (r.textContent ?? "").match(/pg-\d\d/)?.[0] ?? ""));

test("hosts: page numbers, First/Last, and Prev/Next by cursor", async ({ page }) => {
  const s = uniqueSpace();
  await createNetwork(page, `${s}.5.0/24`, { name: "pagination" });
  await seedHosts(page, s);

  await page.goto(`/hosts?q=${s}.5.&per_page=5`);
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(page.getByTestId("pagination-summary")).toHaveText("1–5 of 23");
  await expect(pager.getByRole("button", { name: "Page 1", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(pager.getByRole("button", { name: "Page 5", exact: true })).toBeVisible();
  await expect(pager.getByRole("button", { name: "First" })).toBeDisabled();
  await expect(pager.getByRole("button", { name: "Prev" })).toBeDisabled();
  expect(await hostnames(page)).toEqual(["pg-00", "pg-01", "pg-02", "pg-03", "pg-04"]);

  // Next follows the cursor: the URL carries it, and a reload shows the same page.
  await pager.getByRole("button", { name: "Next" }).click();
  await page.waitForURL(/cursor=/);
  expect(new URL(page.url()).searchParams.get("page")).toBeNull();
  await expect(page.getByTestId("pagination-summary")).toHaveText("6–10 of 23");
  await expect(pager.getByRole("button", { name: "Page 2", exact: true })).toHaveAttribute("aria-current", "page");
  expect(await hostnames(page)).toEqual(["pg-05", "pg-06", "pg-07", "pg-08", "pg-09"]);
  await page.reload();
  await expect(page.getByTestId("pagination-summary")).toHaveText("6–10 of 23");

  await pager.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("pagination-summary")).toHaveText("11–15 of 23");
  // Prev by cursor too.
  await pager.getByRole("button", { name: "Prev" }).click();
  await expect(page.getByTestId("pagination-summary")).toHaveText("6–10 of 23");
  expect(new URL(page.url()).searchParams.get("cursor")).not.toBeNull();
  expect(await hostnames(page)).toEqual(["pg-05", "pg-06", "pg-07", "pg-08", "pg-09"]);

  // Last, a page number, First.
  await pager.getByRole("button", { name: "Last" }).click();
  await expect(page.getByTestId("pagination-summary")).toHaveText("21–23 of 23");
  await expect(pager.getByRole("button", { name: "Next" })).toBeDisabled();
  await expect(pager.getByRole("button", { name: "Last" })).toBeDisabled();
  expect(await hostnames(page)).toEqual(["pg-20", "pg-21", "pg-22"]);
  // On the last of 5 pages the numbers are 1 … 4 5.
  await expect(pager.getByTestId("page-numbers")).toHaveText("1…45");
  await pager.getByRole("button", { name: "Page 4", exact: true }).click();
  await expect(page.getByTestId("pagination-summary")).toHaveText("16–20 of 23");
  expect(new URL(page.url()).searchParams.get("page")).toBe("4");
  await pager.getByRole("button", { name: "First" }).click();
  await expect(page.getByTestId("pagination-summary")).toHaveText("1–5 of 23");

  // A filter change starts again at page 1, without the old cursor.
  await pager.getByRole("button", { name: "Next" }).click();
  await page.waitForURL(/cursor=/);
  await page.getByLabel("Rows per page").selectOption("25");
  await expect(page.getByTestId("pagination-summary")).toHaveText("1–23 of 23");
  expect(new URL(page.url()).searchParams.get("cursor")).toBeNull();
});

test("every paged table has the pager; gaps show as an ellipsis", async ({ page }) => {
  for (const path of ["/networks?per_page=25", "/changes?per_page=25", "/admin/users"]) {
    await page.goto(path);
    const pager = page.getByRole("navigation", { name: "Pagination" });
    await expect(pager, path).toBeVisible();
    for (const name of ["First", "Prev", "Next"]) await expect(pager.getByRole("button", { name, exact: true }), `${path}: ${name}`).toBeVisible();
  }
  const s = uniqueSpace();
  await createNetwork(page, `${s}.7.0/24`, { name: "pagination gaps" });
  const items = Array.from({ length: 30 }, (_, i) => ({ ip_address: `${s}.7.${i + 10}` }));
  expect((await page.request.post("/api/v1/hosts", { data: items, headers: { origin: new URL(page.url()).origin } })).status()).toBe(201);
  await page.goto(`/hosts?q=${s}.7.&per_page=2&page=7`);
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(pager.getByTestId("page-numbers")).toHaveText("1…678…15");
  await expect(pager.getByRole("button", { name: "Page 7", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("pagination-summary")).toHaveText("13–14 of 30");
});
