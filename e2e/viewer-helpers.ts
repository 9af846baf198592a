import { expect, type Locator, type Page } from "@playwright/test";
import { screenshot } from "./helpers";

// What a viewer must not be offered: the write controls of the read views.
// One tour, run by the admin (the controls are there) and by the viewer
// (they are not), so a renamed button fails the test instead of passing it.

/** What the admin made for the viewer to look at. */
export interface ViewerData {
  networkId: number;
  prefix: string;
  hostId: number;
  hostIp: string;
  hostname: string;
}

// Buttons anywhere in the page's main area; links only by their exact
// labels, because lists link to networks and hosts by names that other
// specs choose freely.
const WRITE_BUTTON = /^(new|edit|delete|allocate|import|save|create|split|reserve|revoke)\b/i;
const WRITE_LINK = /^(new network|new host|edit|import…|allocate next ip)$/i;

/** The controls that change data in the page's main area (the header is the same for every role). */
export function writeControls(page: Page): Locator {
  const main = page.getByRole("main");
  return main.getByRole("button", { name: WRITE_BUTTON }).or(main.getByRole("link", { name: WRITE_LINK }));
}

/** The read views (dashboard, networks, a network, hosts, a host), each with what shows once it has rendered. */
function readViews(data: ViewerData): Array<{ name: string; path: string; ready: (page: Page) => Locator }> {
  return [
    { name: "dashboard", path: "/", ready: (page) => page.getByRole("heading", { name: "Dashboard" }) },
    { name: "networks", path: "/networks", ready: (page) => page.getByTestId("networks-table") },
    { name: "network", path: `/networks/${data.networkId}`, ready: (page) => page.getByTestId("hosts-table").getByText(data.hostname) },
    // Filtered: other specs fill the table, and the host may not be on page one.
    { name: "hosts", path: `/hosts?q=${encodeURIComponent(data.hostname)}`, ready: (page) => page.getByTestId("hosts-table").getByText(data.hostname) },
    { name: "host", path: `/hosts/${data.hostId}`, ready: (page) => page.getByTestId("host-hostname-value").getByText(data.hostname) },
  ];
}

/** Visits every read view: with `writes`, each offers at least one write control; without, none. */
export async function tourReadViews(page: Page, data: ViewerData, { writes }: { writes: boolean }): Promise<void> {
  for (const view of readViews(data)) {
    await page.goto(view.path);
    await expect(view.ready(page), view.name).toBeVisible();
    if (writes) await expect(writeControls(page).first(), `${view.name} offers a write control`).toBeVisible();
    else await expect(writeControls(page), `${view.name} offers no write control`).toHaveCount(0);
  }
}

/** Everything a signed-in viewer sees and is refused; `shots` prefixes the screenshots taken on the way. */
export async function expectViewerCannotWrite(v: Page, data: ViewerData, shots?: string): Promise<void> {
  await expect(v.getByTestId("current-user")).toContainText("viewer");
  await expect(v.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  await tourReadViews(v, data, { writes: false });

  await v.goto(`/networks/${data.networkId}`);
  await expect(v.getByRole("heading", { level: 1 })).toHaveText(data.prefix);
  await expect(v.getByTestId("free-subnets")).toBeVisible();
  await expect(v.getByTestId("free-subnets").getByRole("button")).toHaveCount(0);
  // Free cells are not links for a viewer.
  await expect(v.getByTestId("address-map").locator('a[data-state="free"]')).toHaveCount(0);
  await expect(v.getByTestId("hosts-table").getByRole("checkbox")).toHaveCount(0);
  if (shots) await screenshot(v, `${shots}-network`);

  // Filtered: other specs fill the table, and the host may not be on page one.
  await v.goto(`/hosts?q=${encodeURIComponent(data.hostname)}`);
  await expect(v.getByTestId("hosts-table")).toContainText(data.hostname);
  await expect(v.getByTestId("hosts-table").getByRole("checkbox")).toHaveCount(0);
  await v.getByTestId("hosts-table").getByRole("link", { name: data.hostIp, exact: true }).click();
  await v.waitForURL(`**/hosts/${data.hostId}`);
  await expect(v.getByTestId("host-ip-value")).toHaveText(data.hostIp);
  await expect(v.getByRole("form", { name: "Edit host" })).toHaveCount(0);
  if (shots) await screenshot(v, `${shots}-host`);

  await v.goto("/networks/new");
  await expect(v.getByText("Creating networks needs the editor role.")).toBeVisible();
  await v.goto("/import-export");
  await expect(v.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(v.getByRole("link", { name: "Import…" })).toHaveCount(0);

  // The admin pages tell a viewer which role they need, and show nothing else.
  for (const path of ["/admin/users", "/admin/tokens"]) {
    await v.goto(path);
    await expect(v.getByTestId("needs-role")).toHaveText(/needs the admin role/);
    await expect(v.getByRole("form", { name: "New user" })).toHaveCount(0);
    await expect(v.getByTestId("users-table").or(v.getByTestId("tokens-table"))).toHaveCount(0);
  }
}

/** The network page's host table links each address to its host page: the host's id. */
export async function hostIdOn(page: Page, ip: string): Promise<number> {
  const href = await page.getByTestId("hosts-table").getByRole("link", { name: ip, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/hosts\/\d+$/);
  return Number(href!.split("/").pop());
}
