import { expect, type Page } from "@playwright/test";

// Builders for the UI specs: every precondition is made through the UI
// itself, so a spec also exercises the forms it relies on.

export async function createNetwork(
  page: Page,
  prefix: string,
  fields: { name?: string; vlan?: string; location?: string; gateway?: string; dhcpStart?: string; dhcpEnd?: string } = {},
): Promise<number> {
  await page.goto("/networks/new");
  await page.getByLabel("Network (CIDR)").fill(prefix);
  if (fields.name) await page.getByLabel("Name").fill(fields.name);
  if (fields.vlan) await page.getByLabel("VLAN ID").fill(fields.vlan);
  if (fields.location) await page.getByLabel("Location").fill(fields.location);
  if (fields.gateway) await page.getByLabel("Gateway").fill(fields.gateway);
  if (fields.dhcpStart) await page.getByLabel("DHCP pool start").fill(fields.dhcpStart);
  if (fields.dhcpEnd) await page.getByLabel("DHCP pool end").fill(fields.dhcpEnd);
  await page.getByRole("button", { name: "Create network" }).click();
  await page.waitForURL(/\/networks\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(prefix);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

/** On a network page: allocates the next free address and returns it. */
export async function allocateNext(page: Page, fields: { hostname?: string; mac?: string } = {}): Promise<string> {
  const form = page.getByRole("form", { name: "Allocate next IP" });
  if (fields.hostname) await form.getByLabel("Hostname").fill(fields.hostname);
  if (fields.mac) await form.getByLabel("MAC address").fill(fields.mac);
  const allocated = page.getByTestId("allocated-ip");
  const shown = async () => ((await allocated.count()) ? ((await allocated.textContent()) ?? "") : "");
  const before = await shown();
  await form.getByRole("button", { name: "Allocate next IP" }).click();
  await expect.poll(shown).not.toBe(before);
  await expect(form.getByLabel("Hostname")).toHaveValue("");
  return (await shown()).replace("Allocated", "").trim();
}

/** Creates a host with the host form and returns its id. */
export async function createHost(page: Page, ip: string, fields: { hostname?: string; mac?: string } = {}): Promise<number> {
  await page.goto("/hosts/new");
  await page.getByLabel("IP address").fill(ip);
  if (fields.hostname) await page.getByLabel("Hostname").fill(fields.hostname);
  if (fields.mac) await page.getByLabel("MAC address").fill(fields.mac);
  await page.getByRole("button", { name: "Create host" }).click();
  await page.waitForURL(/\/hosts\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}
