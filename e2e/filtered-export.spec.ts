import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { signIn, uniqueSpace } from "./helpers";
import { createHost, createNetwork } from "./ui-helpers";

// Issue 13 D "Filtered export": a table's Export menu downloads exactly what
// the table shows (its filters, its sort, its visible columns) as CSV, JSON
// and XLSX; a network page exports that network's hosts.

/** Clicks a format in the Export menu and returns the downloaded file's bytes. */
async function download(page: Page, menuName: string | RegExp, format: "csv" | "json" | "xlsx"): Promise<Buffer> {
  const menu = page.getByTestId("export-menu");
  await expect(menu.locator("summary")).toContainText(menuName);
  // The menu stays open after a download: open it only when closed.
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.locator("summary").click();
  const [file] = await Promise.all([page.waitForEvent("download"), menu.getByTestId(`export-${format}`).click()]);
  return readFileSync((await file.path())!);
}

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)))));
  return rows;
}

/** The visible hosts table: its column headers (checkbox column left out) and each row's IP and hostname. */
async function shownHosts(page: Page) {
  const table = page.getByTestId("hosts-table");
  // textContent: the headers are upper-cased by CSS only; the sort arrows are left out.
  const headers = (await table.locator("thead th").allTextContents()).map((h) => h.replace(/[↕↑↓▲▼⇅]/g, "").trim()).filter(Boolean);
  const ips = await table.getByTestId("host-ip").allInnerTexts();
  const names = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => (r.querySelectorAll("td")[2] as HTMLElement | undefined)?.innerText.trim() ?? ""));
  return { headers, ips, names };
}

test("the hosts table's Export menu downloads its filtered, sorted rows with its visible columns", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page);
  const space = uniqueSpace();
  const tag = `hx${space.replace(".", "-")}`;
  // MACs are unique: one per space.
  const mac = (last: string) => `52:54:00:4e:${Number(space.split(".")[1]).toString(16).padStart(2, "0")}:${last}`;
  const networkId = await createNetwork(page, `${space}.20.0/24`, { name: `hx-export-${space}` });
  await createHost(page, `${space}.20.5`, { hostname: `${tag}-bravo`, mac: mac("05") });
  await createHost(page, `${space}.20.6`, { hostname: `${tag}-alpha` });
  await createHost(page, `${space}.20.7`, { hostname: `${tag}-charlie`, mac: mac("07") });
  // In the network, outside the filter.
  await createHost(page, `${space}.20.8`, { hostname: `out${tag.slice(2)}` });

  // Filter (search) and sort by hostname, descending, as the table's own controls write them into the URL.
  await page.goto(`/hosts?q=${tag}&sort=-hostname`);
  await expect(page.getByTestId("host-ip")).toHaveText([`${space}.20.7`, `${space}.20.5`, `${space}.20.6`]);
  // Hide the MAC column.
  await page.getByTestId("columns-menu").locator("summary").click();
  await page.getByTestId("columns-menu").getByLabel("MAC").uncheck();
  await page.keyboard.press("Escape");
  const shown = await shownHosts(page);
  expect(shown.headers).not.toContain("MAC");
  expect(shown.headers.slice(0, 2)).toEqual(["IP address", "Hostname"]);

  const csv = Papa.parse<string[]>((await download(page, "Export", "csv")).toString("utf8").trim(), { skipEmptyLines: true }).data;
  // One CSV column per visible table column, in the table's order.
  expect(csv[0]).toEqual(["ip_address", "hostname", "status", "network", "description", "updated_at"]);
  expect(csv[0]).toHaveLength(shown.headers.length);
  expect(csv.slice(1).map((r) => r[0])).toEqual(shown.ips);
  expect(csv.slice(1).map((r) => r[1])).toEqual([`${tag}-charlie`, `${tag}-bravo`, `${tag}-alpha`]);
  expect(csv.slice(1).map((r) => r[3])).toEqual(Array(3).fill(`${space}.20.0/24`));

  const xlsx = await xlsxRows(await download(page, "Export", "xlsx"));
  expect(xlsx.map((r) => r.slice(0, 4))).toEqual(csv.map((r) => r.slice(0, 4)));

  const json = JSON.parse((await download(page, "Export", "json")).toString("utf8")) as Array<Record<string, unknown>>;
  expect(json.map((h) => h.ip_address)).toEqual(shown.ips);
  expect(Object.keys(json[0])).toEqual(["ip_address", "hostname", "status", "network_id", "description", "updated_at"]);
  expect(json.every((h) => h.network_id === networkId && !("mac_address" in h))).toBe(true);

  // A network page: "Export this network" holds its hosts only, in address order.
  await page.goto(`/networks/${networkId}`);
  const own = Papa.parse<string[]>((await download(page, "Export this network", "csv")).toString("utf8").trim(), { skipEmptyLines: true }).data;
  expect(own.slice(1).map((r) => r[0])).toEqual([`${space}.20.5`, `${space}.20.6`, `${space}.20.7`, `${space}.20.8`]);
  const ownJson = JSON.parse((await download(page, "Export this network", "json")).toString("utf8")) as Array<Record<string, unknown>>;
  expect(ownJson.map((h) => h.hostname)).toEqual([`${tag}-bravo`, `${tag}-alpha`, `${tag}-charlie`, `out${tag.slice(2)}`]);
  const ownXlsx = await xlsxRows(await download(page, "Export this network", "xlsx"));
  expect(ownXlsx.slice(1).map((r) => r[0])).toEqual([`${space}.20.5`, `${space}.20.6`, `${space}.20.7`, `${space}.20.8`]);
});

test("the networks table's Export menu follows its filter and sort", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  const space = uniqueSpace();
  for (const [third, name] of [["1", "hx-net-b"], ["2", "hx-net-a"], ["3", "hx-net-c"]]) await createNetwork(page, `${space}.${third}.0/24`, { name, location: `hx-loc-${space}` });
  await page.goto(`/networks?location=hx-loc-${space}&sort=name`);
  const prefixes = await page.getByTestId("network-prefix").allInnerTexts();
  expect(prefixes).toEqual([`${space}.2.0/24`, `${space}.1.0/24`, `${space}.3.0/24`]);
  const csv = Papa.parse<string[]>((await download(page, "Export", "csv")).toString("utf8").trim(), { skipEmptyLines: true }).data;
  expect(csv[0][0]).toBe("prefix");
  expect(csv.slice(1).map((r) => r[0])).toEqual(prefixes);
  const json = JSON.parse((await download(page, "Export", "json")).toString("utf8")) as Array<Record<string, unknown>>;
  expect(json.map((n) => n.prefix)).toEqual(prefixes);
  expect(json.map((n) => n.name)).toEqual(["hx-net-a", "hx-net-b", "hx-net-c"]);
});
