import { defineConfig, devices } from "@playwright/test";
import { loadEnv } from "./lib/env";

// Browser tests run against the production build (`npm start`) on 127.0.0.1
// with a throwaway database, in Debian's Chromium: Playwright never downloads
// a browser. By default its headless build (`chromium-headless-shell`, the
// one Playwright itself runs headless): the full browser in headless mode
// adds a GPU process that emulates GL in software, and on 2 cores the same
// 19 tests took 346 s with it against 270 s with the headless build.
// The server and the CLIs the tests start hash passwords at OWASP's minimum
// bcrypt cost rather than the default 12 (tests/setup.ts says why).
process.env.PASSWORD_HASH_COST = "10";
const env = loadEnv();
const port = env.E2E_PORT;
const e2eDataDir = env.E2E_DATA_DIR;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: env.CHROMIUM_PATH,
      args: ["--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // First-run setup must happen before anything else signs in.
    { name: "setup", testMatch: /first-run\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "app", testIgnore: /first-run\.spec\.ts/, dependencies: ["setup"], use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: {
    command: `node scripts/e2e-reset.mjs ${e2eDataDir} && npm start`,
    url: `http://127.0.0.1:${port}/api/v1/health`,
    // A build from scratch on 2 cores takes 2–4 minutes, and up to 10 on a busy machine.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: e2eDataDir,
      DATABASE_URL: `file:${e2eDataDir}/ipam.db`,
    },
  },
});
