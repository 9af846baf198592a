import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

// The three-step import page: choose a file, read the dry run's report,
// fix the file, import. Then the imported hosts are in the dnsmasq download.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

const csv = (...lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n`);

test("import hosts from CSV: preview with a row error, fix the file, commit", async ({ page }) => {
  await page.goto("/import-export");
  await page.getByRole("link", { name: "Import…" }).click();
  await page.waitForURL(/\/import-export\/import$/);
  await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();

  // Step 1 → 2: a file with a bad hostname on line 3.
  const bad = csv("ip_address,hostname,mac_address,status", "10.88.1.10,imp-web,52:54:00:88:01:10,active", "10.88.1.11,bad_name,,active", "10.88.1.12,imp-db,,reserved");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "hosts.csv", mimeType: "text/csv", buffer: bad });
  await page.getByRole("button", { name: "Preview import" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(page.getByTestId("count-errors")).toHaveText("1");
  const errors = page.getByTestId("import-errors");
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors.getByRole("row").nth(1)).toContainText("3");
  await expect(errors.getByRole("row").nth(1)).toContainText("hostname");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await screenshot(page, "import-preview-row-error");

  // Fix the file and preview again: nothing fails, nothing written yet.
  await page.getByRole("button", { name: "Choose another file" }).click();
  const fixed = csv("ip_address,hostname,mac_address,status", "10.88.1.10,imp-web,52:54:00:88:01:10,active", "10.88.1.11,imp-mail,,active", "10.88.1.12,imp-db,,reserved");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "hosts-fixed.csv", mimeType: "text/csv", buffer: fixed });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByTestId("count-errors")).toHaveText("0");
  await expect(page.getByTestId("count-created")).toHaveText("3");
  await screenshot(page, "import-preview-clean");

  // Step 3: commit.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-done")).toBeVisible();
  await expect(page.getByTestId("count-created")).toHaveText("3");
  await expect(page.getByText("Imported: 3 created, 0 updated, 0 skipped")).toBeVisible();
  await screenshot(page, "import-done");

  // The hosts are there, and in the dnsmasq file of the Import/Export page (the original's /export/hosts/dnsmasq).
  await page.goto("/hosts?q=imp-");
  await expect(page.getByTestId("hosts-table")).toContainText("imp-mail");
  await page.goto("/import-export");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-dnsmasq").click()]);
  expect(download.suggestedFilename()).toBe("ipam-dnsmasq.conf");
  const text = readFileSync(await download.path(), "utf8");
  expect(text).toContain("host-record=imp-web,10.88.1.10");
  expect(text).toContain("dhcp-host=52:54:00:88:01:10,10.88.1.10,imp-web");
});

test("a file the server refuses (wrong extension) says why on step 1", async ({ page }) => {
  await page.goto("/import-export/import");
  // .xlsx has an importer now; an OpenDocument sheet does not.
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "hosts.ods", mimeType: "application/octet-stream", buffer: Buffer.from("x") });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("form", { name: "Choose a file to import" }).getByRole("alert")).toContainText("Cannot import .ods files");
});

test("large uploads reach the importer through the server; over 50 MB is a 413", async ({ page }) => {
  await page.goto("/import-export/import");
  // ~12 MB: past the 10 MB that a proxy/middleware layer would buffer, well under the limit.
  const rows = Array.from({ length: 13_000 }, (_, i) => `10.89.${i >> 8}.${i & 255},${"x".repeat(900)}`);
  const big = Buffer.from(`ip_address,description\n${rows.join("\n")}\n`);
  const ok = await page.request.post("/api/v1/import/auto?dry_run=true", { multipart: { file: { name: "big.csv", mimeType: "text/csv", buffer: big } }, headers: { origin: new URL(page.url()).origin } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ created: 13_000, dry_run: true });
  const huge = await page.request.post("/api/v1/import/csv", { data: Buffer.alloc(51 * 1024 * 1024, 0x61), headers: { "content-type": "text/csv", origin: new URL(page.url()).origin } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.code).toBe("payload_too_large");
});
