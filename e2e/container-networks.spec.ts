import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { allocateNext, createNetwork, fillHostForm } from "./ui-helpers";

// Issue 9, seventh finding: a /16 that only holds /24s offered "Allocate
// next IP" (and would hand out .0.1), and its utilization ignored its
// children. Containers now hold networks, not hosts.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("a container offers no allocation, shows child coverage and its free blocks with Create network here", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.0.0/16`, { name: "Container", status: "container" });
  await expect(page.getByTestId("network-status").first()).toHaveText("Container");
  await expect(page.getByTestId("not-allocatable")).toContainText("container");
  await expect(page.getByRole("form", { name: "Allocate next IP" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New host" })).toHaveCount(0);
  await expect(page.getByTestId("network-utilization")).toHaveText("0%");
  await expect(page.getByTestId("free-blocks").locator("li")).toHaveText([new RegExp(`^${s}\\.0\\.0/16`)]);

  await createNetwork(page, `${s}.1.0/24`, { name: "Container child 1" });
  await createNetwork(page, `${s}.3.0/24`, { name: "Container child 3" });
  await page.goto(`/networks/${id}`);
  // 512 of 65,536 addresses are in child networks.
  await expect(page.getByTestId("network-utilization")).toHaveText("0.78%");
  await expect(page.getByTestId("network-covered")).toHaveText("512");
  const blocks = page.getByTestId("free-blocks").locator("li");
  await expect(blocks.first()).toContainText(`${s}.0.0/24`);
  await expect(blocks.nth(1)).toContainText(`${s}.2.0/24`);
  await expect(blocks.nth(2)).toContainText(`${s}.4.0/22`);
  await expect(blocks.last()).toContainText(`${s}.128.0/17`);
  await screenshot(page, "container-free-blocks");

  // "Create network here" opens the form with the block filled in.
  await blocks.filter({ hasText: `${s}.2.0/24` }).getByRole("link", { name: "Create network here" }).click();
  await page.waitForURL(/\/networks\/new\?network=/);
  await expect(page.getByLabel("Network (CIDR)")).toHaveValue(`${s}.2.0/24`);
  await page.getByLabel("Name").fill("Container child 2");
  await page.getByRole("button", { name: "Create network" }).click();
  await page.waitForURL(/\/networks\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${s}.2.0/24`);
  // The child is an ordinary active network: it allocates.
  expect(await allocateNext(page, { hostname: "in-child" })).toBe(`${s}.2.1`);
  await page.goto(`/networks/${id}`);
  await expect(page.getByTestId("free-blocks")).not.toContainText(`${s}.2.0/24`);
  await expect(page.getByTestId("network-utilization")).toHaveText("1.2%");

  // A host directly in the container is refused on the address field.
  await fillHostForm(page, `${s}.200.5`, { hostname: "in-container" });
  await page.getByRole("button", { name: "Create host" }).click();
  await expect(page.locator("#field-ip_address-error")).toContainText("container");

  // The networks list shows the status.
  await page.goto(`/networks?q=${s}.0.0`);
  await expect(page.getByTestId("networks-table").getByTestId("network-status").first()).toHaveText("Container");
});

test("a reserved network shows its status, keeps its hosts and offers no allocation", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.70.0/24`, { name: "To retire" });
  expect(await allocateNext(page, { hostname: "stays" })).toBe(`${s}.70.1`);
  await page.goto(`/networks/${id}/edit`);
  await expect(page.getByLabel("Status")).toHaveValue("active");
  await page.getByLabel("Status").selectOption("reserved");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(new RegExp(`/networks/${id}$`));
  await expect(page.getByTestId("network-status").first()).toHaveText("Reserved");
  await expect(page.getByTestId("not-allocatable")).toContainText("reserved");
  await expect(page.getByRole("form", { name: "Allocate next IP" })).toHaveCount(0);
  await expect(page.getByTestId("hosts-table")).toContainText("stays");
  await expect(page.getByTestId("network-free")).toHaveText("0");
  await screenshot(page, "network-reserved");

  await fillHostForm(page, `${s}.70.2`, { hostname: "too-late" });
  await page.getByRole("button", { name: "Create host" }).click();
  await expect(page.locator("#field-ip_address-error")).toContainText("reserved");
});
