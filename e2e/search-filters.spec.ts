import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, uniqueSpace } from "./helpers";

// Issue 13 B, Filters and Search: the tables' text filters match a part in any
// ASCII case, an IP typed into the networks search finds the networks that
// contain it, and the header search reads a CIDR (what is inside, what holds
// it, "Create network") and a full DNS name.

/** A write through the API with the signed-in session (the Origin a browser would send; CSRF). */
async function api(page: Page, path: string, data: unknown): Promise<{ id: number }> {
  const response = await page.request.post(`/api/v1${path}`, { data, headers: { origin: new URL(page.url()).origin } });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

async function globalSearch(page: Page, text: string): Promise<void> {
  const search = page.getByRole("searchbox", { name: "Global search" });
  await search.fill(text);
  await search.press("Enter");
}

/** "Clear", then wait for the form to be rebuilt for the empty query (typing earlier would go into the old form). */
async function clearFilters(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Clear" }).click();
  await page.waitForURL((url) => url.search === "");
  await expect(page.getByRole("button", { name: "Clear" })).toHaveCount(0);
}

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("networks and hosts filters match a part of the text in any case; an IP finds its networks, outermost first", async ({ page }) => {
  const s = uniqueSpace();
  const tag = s.replace(".", "");
  await api(page, "/networks", { network: `${s}.0.0/16`, name: `Campus ${tag}` });
  await api(page, "/networks", { network: `${s}.1.0/24`, name: `Filters ${tag} HQ`, location: `Site ${tag} Berlin HQ` });
  await api(page, "/networks", { network: `${s}.2.0/24`, name: `Filters ${tag} Branch`, location: `Site ${tag} Hamburg` });
  await api(page, "/hosts", { ip_address: `${s}.1.10`, hostname: `db${tag}-a` });
  await api(page, "/hosts", { ip_address: `${s}.1.11`, hostname: `old-db${tag}` });
  await api(page, "/hosts", { ip_address: `${s}.1.12`, hostname: `web${tag}` });

  await page.goto("/networks");
  const prefixes = page.getByTestId("network-prefix");
  await page.getByRole("textbox", { name: "Location" }).fill(`${tag} BERLIN`);
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL(/location=/);
  await expect(prefixes).toHaveText([`${s}.1.0/24`]);

  await clearFilters(page);
  await page.getByRole("textbox", { name: "Name" }).fill(`filters ${tag}`);
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL(/name=/);
  await expect(prefixes).toHaveText([`${s}.1.0/24`, `${s}.2.0/24`]);

  // An address in the search box: the networks holding it, as a tree (the /16, then the /24 inside it).
  await clearFilters(page);
  await page.getByRole("searchbox", { name: "Search networks" }).fill(`${s}.1.77`);
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL(/q=/);
  await expect(prefixes).toHaveText([`${s}.0.0/16`, `${s}.1.0/24`]);
  await expect(prefixes.nth(1)).toHaveAttribute("data-depth", "1");

  await page.goto("/hosts");
  await page.getByRole("textbox", { name: "Hostname" }).fill(`DB${tag}`);
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL(/hostname=/);
  await expect(page.getByTestId("host-ip")).toHaveText([`${s}.1.10`, `${s}.1.11`]);
});

test("header search: a CIDR shows what lies inside and what holds it, and offers to create it; an FQDN opens its host", async ({ page }) => {
  const s = uniqueSpace();
  const tag = s.replace(".", "");
  const outer = await api(page, "/networks", { network: `${s}.0.0/16`, name: `Search ${tag}` });
  await api(page, "/networks", { network: `${s}.4.0/24`, name: `Search ${tag} inner`, domain: `srv${tag}.example.net` });
  const host = await api(page, "/hosts", { ip_address: `${s}.4.2`, hostname: "db02" });
  await api(page, "/hosts", { ip_address: `${s}.9.9` });

  await globalSearch(page, `${s}.0.0/20`);
  await page.waitForURL(/\/search\?q=/);
  const card = page.getByTestId("prefix-lookup");
  await expect(page.getByRole("heading", { name: `No network is ${s}.0.0/20` })).toBeVisible();
  await expect(page.getByTestId("prefix-containing")).toHaveText(`${s}.0.0/16 (Search ${tag})`);
  await expect(page.getByTestId("search-networks").getByRole("link")).toHaveText([`${s}.4.0/24`]);
  await expect(page.getByTestId("search-hosts").getByRole("link")).toHaveText([`${s}.4.2`, `${s}.9.9`]);
  await expect(page.getByRole("heading", { name: `Hosts in ${s}.0.0/20 (2)` })).toBeVisible();

  // The result page passes axe (WCAG 2.2 AA), as every other page does.
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // An unused CIDR: nothing inside, and "Create network" opens the form with it filled in.
  await globalSearch(page, `${s}.200.0/24`);
  await page.waitForURL(new RegExp(`q=${s.replace(".", "\\.")}\\.200`));
  await expect(card).toContainText("Networks inside0");
  await card.getByRole("link", { name: `Create network ${s}.200.0/24` }).click();
  await page.waitForURL(/\/networks\/new\?network=/);
  await expect(page.getByLabel("Network (CIDR)")).toHaveValue(`${s}.200.0/24`);
  await page.getByRole("button", { name: "Create network" }).click();
  await page.waitForURL(/\/networks\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${s}.200.0/24`);

  // Now a network: the CIDR opens it. A full name opens its host.
  await globalSearch(page, `${s}.0.0/16`);
  await page.waitForURL(new RegExp(`/networks/${outer.id}$`));
  await globalSearch(page, `DB02.srv${tag}.example.net`);
  await page.waitForURL(new RegExp(`/hosts/${host.id}$`));
});
