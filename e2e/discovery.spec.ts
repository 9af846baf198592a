import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { createNetwork } from "./ui-helpers";

// Discovery: upload a dnsmasq lease file, review the change set, apply two
// of its rows, and find those two hosts (and only those) on the hosts page.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("upload a dnsmasq lease file, apply two rows of the change set, see the hosts", async ({ page }) => {
  const space = uniqueSpace();
  await createNetwork(page, `${space}.50.0/24`, { domain: "disc.example" });
  const leases = [
    `1796220354 52:54:00:d1:50:0a ${space}.50.10 disc-printer 01:52:54:00:d1:50:0a`,
    `1796220354 52:54:00:d1:50:0b ${space}.50.11 disc-laptop *`,
    `0 52:54:00:d1:50:0c ${space}.50.12 disc_bad! *`,
  ].join("\n");

  await page.goto("/discovery");
  await expect(page.getByRole("heading", { name: "Discovery", level: 1 })).toBeVisible();
  await page.getByTestId("discovery-source").selectOption("dnsmasq");
  await page.getByTestId("discovery-file").setInputFiles({ name: "dnsmasq.leases", mimeType: "text/plain", buffer: Buffer.from(`${leases}\n`) });
  await page.getByTestId("discovery-preview").click();

  const set = page.getByTestId("change-set");
  await expect(set).toBeVisible();
  await expect(set).toContainText("3 new");
  const row = (ip: string) => set.locator(`[data-testid="change-row"][data-ip="${ip}"]`);
  await expect(row(`${space}.50.12`)).toContainText('Hostname "disc_bad!" refused');
  await screenshot(page, "discovery-change-set");

  await row(`${space}.50.10`).getByRole("checkbox").check();
  await row(`${space}.50.11`).getByRole("checkbox").check();
  await page.getByTestId("apply-selected").click();
  await expect(page.getByText("Applied: 2 created, 0 updated, 0 marked seen")).toBeVisible();
  await expect(set).toHaveCount(0);

  await page.goto(`/hosts?q=${space}.50.`);
  const table = page.getByTestId("hosts-table");
  await expect(table).toContainText("disc-printer");
  await expect(table).toContainText("disc-laptop");
  await expect(table).toContainText("52:54:00:d1:50:0a");
  await expect(table).not.toContainText(`${space}.50.12`);
});
