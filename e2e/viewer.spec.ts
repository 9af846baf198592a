import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { screenshot, serverEnv, signIn } from "./helpers";
import { allocateNext, createNetwork } from "./ui-helpers";

test("a viewer sees no write controls", async ({ page, browser }) => {
  // Data to look at, made by the admin.
  await signIn(page);
  const id = await createNetwork(page, "10.77.13.0/24", { name: "UI viewer" });
  await allocateNext(page, { hostname: "seen-by-viewer" });

  const viewer = { email: `viewer-${Date.now()}@example.test`, password: "viewer-password-1" };
  const created = spawnSync("npm", ["run", "--silent", "admin", "--", "user", "create", "--email", viewer.email, "--password", viewer.password, "--role", "viewer"], {
    env: serverEnv(),
    encoding: "utf8",
  });
  expect(created.status, created.stderr).toBe(0);

  const context = await browser.newContext();
  const v = await context.newPage();
  await signIn(v, viewer);
  await expect(v.getByTestId("current-user")).toContainText("viewer");
  await expect(v.getByRole("link", { name: "New network" })).toHaveCount(0);
  await expect(v.getByRole("link", { name: "New host" })).toHaveCount(0);

  await v.goto("/networks");
  await expect(v.getByTestId("networks-table")).toBeVisible();
  await expect(v.getByRole("link", { name: "New network" })).toHaveCount(0);

  await v.goto(`/networks/${id}`);
  await expect(v.getByRole("heading", { level: 1 })).toHaveText("10.77.13.0/24");
  await expect(v.getByTestId("free-subnets")).toBeVisible();
  for (const name of ["Edit", "Delete", "Allocate next IP", "New host"]) {
    await expect(v.getByRole("button", { name, exact: true }).or(v.getByRole("link", { name, exact: true }))).toHaveCount(0);
  }
  await expect(v.getByTestId("free-subnets").getByRole("button")).toHaveCount(0);
  // Free cells are not links for a viewer.
  await expect(v.getByTestId("address-map").locator('a[data-state="free"]')).toHaveCount(0);
  await expect(v.getByTestId("hosts-table").getByRole("checkbox")).toHaveCount(0);
  await screenshot(v, "viewer-network");

  await v.goto("/hosts");
  await expect(v.getByTestId("hosts-table")).toContainText("seen-by-viewer");
  await expect(v.getByTestId("hosts-table").getByRole("checkbox")).toHaveCount(0);
  await v.getByTestId("hosts-table").getByRole("link", { name: "10.77.13.1" }).click();
  await v.waitForURL(/\/hosts\/\d+$/);
  await expect(v.getByRole("form", { name: "Edit host" })).toHaveCount(0);
  await expect(v.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  await screenshot(v, "viewer-host");

  await v.goto("/networks/new");
  await expect(v.getByText("Creating networks needs the editor role.")).toBeVisible();
  await v.goto("/import-export");
  await expect(v.getByRole("link", { name: "Import…" })).toHaveCount(0);
  await context.close();
});
