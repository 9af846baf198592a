import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshot, signIn, uniqueSpace } from "./helpers";
import { allocateNext, createHost, createNetwork, fillHostForm } from "./ui-helpers";

// Issue 9, fifth finding: allocating the hostname alloc-1 twice in one
// network was accepted silently and published two host-records for one
// name. Now a name belongs to one host unless every host sharing it says so
// (round-robin DNS).

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("a duplicate hostname is refused naming the other host; allow_duplicate_name shares it on purpose", async ({ page }) => {
  const s = uniqueSpace();
  const id = await createNetwork(page, `${s}.50.0/24`, { name: "Names", domain: `names-${s.replace(".", "-")}.example` });
  expect(await allocateNext(page, { hostname: "alloc-1" })).toBe(`${s}.50.1`);

  // The same name again: refused under the Hostname field, naming the host that has it.
  const form = page.getByRole("form", { name: "Allocate next IP" });
  await form.getByLabel("Hostname").fill("alloc-1");
  await form.getByRole("button", { name: "Allocate next IP" }).click();
  const error = page.locator("#allocate-hostname-error");
  await expect(error).toContainText("alloc-1");
  await expect(error).toContainText(`${s}.50.1`);
  await expect(page.getByTestId("hosts-table").getByTestId("host-ip")).toHaveCount(1);
  await screenshot(page, "duplicate-name-refused");

  // Round-robin: two hosts that both allow it share the name; a third that does not is refused.
  await createHost(page, `${s}.50.10`, { hostname: "rr-web", allowDuplicateName: true });
  await createHost(page, `${s}.50.11`, { hostname: "rr-web", allowDuplicateName: true });
  await fillHostForm(page, `${s}.50.12`, { hostname: "rr-web" });
  await page.getByRole("button", { name: "Create host" }).click();
  await expect(page.locator("#field-hostname-error")).toContainText("rr-web");
  await expect(page).toHaveURL(/\/hosts\/new/);
  await screenshot(page, "round-robin-refused-without-flag");

  // The dnsmasq file answers the shared name with both addresses and publishes alloc-1 once.
  await page.goto(`/networks/${id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-dnsmasq").click()]);
  const text = readFileSync(await download.path(), "utf8");
  const records = text.split("\n").filter((line) => line.startsWith("host-record="));
  expect(records.filter((line) => line.includes("rr-web")).join("\n")).toContain(`${s}.50.10`);
  expect(records.filter((line) => line.includes("rr-web")).join("\n")).toContain(`${s}.50.11`);
  expect(records.filter((line) => /[=,]alloc-1[,.]/.test(line))).toHaveLength(1);
  // The header counts the shared name as a multi-address name, not as a conflict.
  expect(text).toContain("Multi-address names: 1");
  expect(text).toContain("Left out as conflicting: 0");
});
