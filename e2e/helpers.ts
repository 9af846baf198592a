import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { loadEnv } from "../lib/env";

// The admin created by the first-run test; every later spec signs in with it.
export const admin = { email: "admin@example.test", password: "correct-horse-battery" };

export async function signIn(page: Page, user: { email: string; password: string } = admin): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // From the top: a full-page capture taken while scrolled paints the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Environment that points a CLI (`npm run admin`) at the database the test server uses. */
export function serverEnv(): NodeJS.ProcessEnv {
  const dataDir = loadEnv().E2E_DATA_DIR;
  return { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${dataDir}/ipam.db` };
}

/** An API token from the admin CLI with the server's own database settings, as an operator would make it. */
export function createToken(role: string): string {
  const stdout = execFileSync("npm", ["run", "--silent", "admin", "--", "token", "create", "--name", `e2e-${Date.now()}`, "--role", role], {
    env: serverEnv(),
    encoding: "utf8",
  });
  return stdout.trimEnd().split("\n").pop()!;
}

/**
 * A /16 of its own for each test that asks: "10.100" … "10.199" (use as
 * `${space}.10.0/24`). The counter lives in the e2e data folder, which every
 * run starts empty, so no two tests of a run share a prefix, whichever specs
 * run and in whatever order (10.77, 10.88, 10.89 and 10.200 belong to older specs).
 */
export function uniqueSpace(): string {
  const file = join(loadEnv().E2E_DATA_DIR, "e2e-spaces-used");
  const used = existsSync(file) ? Number(readFileSync(file, "utf8")) : 0;
  if (used >= 100) throw new Error("uniqueSpace: all 100 /16s of 10.100–10.199 are taken in this run");
  writeFileSync(file, String(used + 1));
  return `10.${100 + used}`;
}
