import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { createUserThroughUi, strongPassword, uniqueEmail } from "./team-helpers";
import { allocateMany, createHost, createNetwork } from "./ui-helpers";

// Issue 12's browser flow: a host edited with a change message shows in the
// host's History and on /changes; its diff holds only the changed field;
// Revert sets the host back and is itself recorded. A request of many
// records is one row. A viewer reads the change log (without users'
// records) and is offered no Revert.

/** On /changes: searches with the filter bar (before hydration the form submits as a plain GET, to the same URL). */
async function searchChanges(page: Page, text: string): Promise<void> {
  await page.goto("/changes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes");
  await page.getByRole("searchbox", { name: "Search changes" }).fill(text);
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === text);
}

/** On a host's page: edits its hostname with a change message, once the form has hydrated (the client looks up its network). */
async function renameHost(page: Page, prefix: string, hostname: string, message: string): Promise<void> {
  const form = page.getByRole("form", { name: "Edit host" });
  await expect(form.getByTestId("derived-network")).toContainText(prefix);
  await form.getByLabel("Hostname").fill(hostname);
  await form.getByLabel("Change message").fill(message);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("host-hostname-value")).toHaveText(hostname);
  await expect(form.getByLabel("Change message")).toHaveValue("");
}

/** Presses a Revert button until its dialog opens (a press before hydration does nothing). */
async function openRevertDialog(page: Page, button: string) {
  const dialog = page.getByRole("dialog");
  await expect(async () => {
    await page.getByRole("button", { name: button }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return dialog;
}

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("edit a host with a change message, see it in its history and on /changes, open the diff and revert it", async ({ page }) => {
  const s = uniqueSpace();
  const prefix = `${s}.12.0/24`;
  await createNetwork(page, prefix, { name: "Change log" });
  const ip = `${s}.12.10`;
  const hostId = await createHost(page, ip, { hostname: "cl-before" });
  const message = `rename for the change log ${s}`;
  await renameHost(page, prefix, "cl-after", message);
  await expect(page.getByText(`Host ${ip} saved`)).toBeVisible();

  // The host's History: the edit (newest) over the creation.
  const rows = page.getByTestId("history").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("update");
  await expect(rows.first()).toContainText("hostname");
  await expect(rows.first()).toContainText(message);
  await expect(rows.nth(1)).toContainText("create");
  await expect(page.getByRole("link", { name: /^All history/ })).toHaveAttribute("href", `/changes?object_type=host&object_id=${hostId}`);
  await screenshot(page, "change-log-host-history");

  // /changes finds it by its message, linking to the host and to the diff.
  await searchChanges(page, message);
  const table = page.getByTestId("changes-table");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.getByRole("link", { name: `${ip} cl-after` })).toHaveAttribute("href", `/hosts/${hostId}`);
  await expect(table).toContainText("ui");
  await screenshot(page, "change-log-list");
  await table.getByRole("link", { name: /^Diff of change \d+$/ }).click();
  await page.waitForURL(/\/changes\/\d+$/);
  const changeUrl = page.url();

  // The diff: only the hostname, before and after.
  const diff = page.getByTestId("change-diff");
  await expect(diff.locator("tbody tr")).toHaveCount(1);
  await expect(diff.locator('tr[data-field="hostname"] [data-testid="diff-before"]')).toHaveText("cl-before");
  await expect(diff.locator('tr[data-field="hostname"] [data-testid="diff-after"]')).toHaveText("cl-after");
  await expect(page.getByTestId("change-message")).toHaveText(message);
  await expect(page.getByTestId("change-source")).toHaveText("ui");
  await screenshot(page, "change-log-diff");

  // Revert, with a message of its own: the revert's records are shown.
  let dialog = await openRevertDialog(page, "Revert this change");
  await dialog.getByLabel("Message").fill("undo the rename");
  await dialog.getByRole("button", { name: "Revert change" }).click();
  await expect(page.getByText("Reverted 1 change")).toBeVisible();
  await page.waitForURL(/\/changes\?request_id=[0-9a-f-]{36}$/);
  await expect(page.getByTestId("changes-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("changes-table")).toContainText("undo the rename");
  await screenshot(page, "change-log-reverted");

  // The host is as before, and the revert is in its history.
  await page.goto(`/hosts/${hostId}`);
  await expect(page.getByTestId("host-hostname-value")).toHaveText("cl-before");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("undo the rename");

  // Reverting the same change again is refused, with the reason.
  await page.goto(changeUrl);
  dialog = await openRevertDialog(page, "Revert this change");
  await dialog.getByRole("button", { name: "Revert change" }).click();
  await expect(dialog.getByTestId("revert-refused")).toContainText("changed since");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("a request of many records is one row, which opens as that request's records", async ({ page }) => {
  const s = uniqueSpace();
  const networkId = await createNetwork(page, `${s}.13.0/24`, { name: "Change log bulk" });
  await allocateMany(page, networkId, 3);
  await searchChanges(page, `${s}.13.`);
  const table = page.getByTestId("changes-table");
  // The network's creation (its own request) and the allocation's group.
  await expect(table.locator("tbody tr")).toHaveCount(2);
  const group = table.getByTestId("change-group");
  await expect(group).toHaveCount(1);
  await expect(group).toContainText(/created 3 hosts \(request [0-9a-f]{8}…\)/);
  await screenshot(page, "change-log-groups");
  await page.getByRole("link", { name: "Show 3 changes" }).click();
  await page.waitForURL(/\/changes\?request_id=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Request [0-9a-f]{8}…$/);
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(page.getByRole("button", { name: "Revert whole request" })).toBeVisible();
  await screenshot(page, "change-log-request");
});

test("a viewer reads the change log and the diff, without Revert and without users' records", async ({ page, browser }) => {
  const s = uniqueSpace();
  const prefix = `${s}.14.0/24`;
  await createNetwork(page, prefix, { name: "Change log viewer" });
  const hostId = await createHost(page, `${s}.14.10`, { hostname: "seen-before" });
  const message = `viewer reads this ${s}`;
  await renameHost(page, prefix, "seen-after", message);
  const viewer = { email: uniqueEmail("changes-viewer"), password: strongPassword() };
  await createUserThroughUi(page, { ...viewer, role: "viewer" });
  // The admin sees the new user's record.
  await searchChanges(page, viewer.email);
  await expect(page.getByTestId("changes-table").locator("tbody tr")).toHaveCount(1);

  const context = await browser.newContext();
  const v = await context.newPage();
  await signIn(v, viewer);
  await expect(v.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Changes" })).toBeVisible();
  await searchChanges(v, message);
  const main = v.getByRole("main");
  await expect(main.getByRole("columnheader", { name: "Who" })).toBeVisible();
  await expect(v.getByTestId("changes-table").locator("tbody tr")).toHaveCount(1);
  await expect(main.getByRole("button", { name: /revert/i })).toHaveCount(0);
  await v.getByTestId("changes-table").getByRole("link", { name: /^Diff of change \d+$/ }).click();
  await v.waitForURL(/\/changes\/\d+$/);
  await expect(v.locator('tr[data-field="hostname"] [data-testid="diff-after"]')).toHaveText("seen-after");
  await expect(main.getByRole("button", { name: /revert/i })).toHaveCount(0);
  await screenshot(v, "change-log-viewer-diff");
  await v.goto(`/hosts/${hostId}`);
  await expect(v.getByTestId("history").locator("tbody tr")).toHaveCount(2);
  await searchChanges(v, viewer.email);
  await expect(v.getByText("No changes match")).toBeVisible();
  await context.close();
});
