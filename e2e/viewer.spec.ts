import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { serverEnv, signIn } from "./helpers";
import { allocateNext, createNetwork } from "./ui-helpers";
import { expectViewerCannotWrite, hostIdOn } from "./viewer-helpers";

// A viewer made with the admin CLI; e2e/team-access.spec.ts runs the same
// checks for one made on /admin/users.
test("a viewer sees no write controls", async ({ page, browser }) => {
  // Data to look at, made by the admin.
  await signIn(page);
  const prefix = "10.77.13.0/24";
  const networkId = await createNetwork(page, prefix, { name: "UI viewer" });
  const hostIp = await allocateNext(page, { hostname: "seen-by-viewer" });
  const data = { networkId, prefix, hostId: await hostIdOn(page, hostIp), hostIp, hostname: "seen-by-viewer" };

  const viewer = { email: `viewer-${Date.now()}@example.test`, password: "viewer-password-1" };
  const created = spawnSync("npm", ["run", "--silent", "admin", "--", "user", "create", "--email", viewer.email, "--password", viewer.password, "--role", "viewer"], {
    env: serverEnv(),
    encoding: "utf8",
  });
  expect(created.status, created.stderr).toBe(0);

  const context = await browser.newContext();
  const v = await context.newPage();
  await signIn(v, viewer);
  await expectViewerCannotWrite(v, data, "viewer");
  await context.close();
});
