import { expect, type Page } from "@playwright/test";

// Builders for the UI specs: every precondition is made through the UI
// itself, so a spec also exercises the forms it relies on.

export async function createNetwork(
  page: Page,
  prefix: string,
  fields: {
    name?: string; status?: string; domain?: string; vlan?: string; location?: string; gateway?: string; dhcpStart?: string; dhcpEnd?: string;
  } = {},
): Promise<number> {
  await page.goto("/networks/new");
  await page.getByLabel("Network (CIDR)").fill(prefix);
  if (fields.name) await page.getByLabel("Name").fill(fields.name);
  if (fields.status) await page.getByLabel("Status").selectOption(fields.status);
  if (fields.domain) await page.getByLabel("Domain").fill(fields.domain);
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

/** Fills the new-host form (without submitting it). */
export async function fillHostForm(
  page: Page, ip: string, fields: { hostname?: string; mac?: string; cname?: string; allowDuplicateName?: boolean } = {},
): Promise<void> {
  await page.goto("/hosts/new");
  await page.getByLabel("IP address").fill(ip);
  if (fields.hostname) await page.getByLabel("Hostname").fill(fields.hostname);
  if (fields.mac) await page.getByLabel("MAC address").fill(fields.mac);
  if (fields.cname) await page.getByLabel("CNAME aliases").fill(fields.cname);
  if (fields.allowDuplicateName) await page.getByLabel("Allow duplicate name (round-robin DNS)").check();
}

/** Creates a host with the host form and returns its id. */
export async function createHost(
  page: Page, ip: string, fields: { hostname?: string; mac?: string; cname?: string; allowDuplicateName?: boolean } = {},
): Promise<number> {
  await fillHostForm(page, ip, fields);
  await page.getByRole("button", { name: "Create host" }).click();
  await page.waitForURL(/\/hosts\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

/**
 * Many hosts at once through the API with the signed-in session (the UI
 * allocates one at a time): the next `count` free addresses of a network.
 * The Origin is what a browser would send; a cookie write without it is refused (CSRF).
 */
export async function allocateMany(page: Page, networkId: number, count: number): Promise<string[]> {
  const response = await page.request.post(`/api/v1/ip/networks/${networkId}/allocate`, { data: { count }, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { items: Array<{ ip_address: string }> }).items.map((h) => h.ip_address);
}
