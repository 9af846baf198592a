import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { allocateNext, createNetwork } from "./ui-helpers";

// Issue 9, third finding: on one page the Utilization card said Free 165
// while the address map legend said Free 114 + DHCP 51 (38 once a /25 child
// existed), and a guest /25 showed Free 126 where 14 could be allocated.
// Now both read the network's address states: "Free" is what allocation hands out.

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** The card's number and the legend's number of one state, which must agree. */
async function expectCardAndLegend(page: Page, state: string, value: number): Promise<void> {
  const text = value.toLocaleString("en-US");
  await expect(page.getByTestId(`state-${state}`)).toHaveText(text);
  await expect(page.getByTestId(`legend-${state}`)).toHaveText(text);
}

test("Free on the Utilization card equals the address map legend, with and without a /25 child", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.30.0/24`, { name: "Free counts", gateway: `${s}.30.1`, dhcpStart: `${s}.30.200`, dhcpEnd: `${s}.30.250` });
  // 256 − network − broadcast − gateway − 51 pool addresses.
  await expect(page.getByTestId("network-free")).toHaveText("202");
  await expectCardAndLegend(page, "free", 202);
  await expectCardAndLegend(page, "dhcp_pool", 51);
  await expectCardAndLegend(page, "gateway", 1);
  await screenshot(page, "free-counts-24");

  // A /25 child takes .0–.127 (its .0 and the gateway stay the parent's points): 202 − 126.
  await createNetwork(page, `${s}.30.0/25`, { name: "Free counts child" });
  await expect(page.getByTestId("network-free")).toHaveText("126");
  await expectCardAndLegend(page, "free", 126);
  await page.goto(`/networks/${id}`);
  await expect(page.getByTestId("network-free")).toHaveText("76");
  await expectCardAndLegend(page, "free", 76);
  await expectCardAndLegend(page, "child_network", 126);
  await expectCardAndLegend(page, "dhcp_pool", 51);
  await screenshot(page, "free-counts-with-child");
});

test("a guest /25 whose pool fills it shows only what can be allocated", async ({ page }) => {
  const s = uniqueSpace();
  await createNetwork(page, `${s}.31.128/25`, { name: "Guest", gateway: `${s}.31.129`, dhcpStart: `${s}.31.130`, dhcpEnd: `${s}.31.240` });
  // 128 − 2 ends − gateway − 111 pool addresses.
  await expect(page.getByTestId("network-free")).toHaveText("14");
  await expectCardAndLegend(page, "free", 14);
  expect(await allocateNext(page, { hostname: "guest-1" })).toBe(`${s}.31.241`);
  await page.reload();
  await expect(page.getByTestId("network-free")).toHaveText("13");
  await expectCardAndLegend(page, "free", 13);
  await expectCardAndLegend(page, "active", 1);
});
