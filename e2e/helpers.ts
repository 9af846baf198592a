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
