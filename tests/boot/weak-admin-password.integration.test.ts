import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { EnvError, overrideEnv } from "@/lib/env";
import { disconnectDb } from "@/lib/db/client";
import { prepareInstance } from "@/lib/boot/prepare-instance";
import { countUsers } from "@/lib/services/users/count-users";

// IPAM_ADMIN_PASSWORD meets the same policy as every other password, and a
// weak one stops the start with one line naming the variable.

const root = mkdtempSync(path.join(os.tmpdir(), "ipam-weak-admin-"));
afterAll(async () => {
  await disconnectDb();
  rmSync(root, { recursive: true, force: true });
});

it.each([
  ["too short", "short-pw", /IPAM_ADMIN_PASSWORD: .*12/],
  ["a common password", "123qweasdzxc", /IPAM_ADMIN_PASSWORD: .*common/i],
])("refuses %s with an EnvError naming the variable, and creates no user", async (_label, password, message) => {
  const dataDir = mkdtempSync(path.join(root, "data-"));
  await disconnectDb();
  overrideEnv({ DATA_DIR: dataDir, DATABASE_URL: `file:${dataDir}/ipam.db`, IPAM_ADMIN_EMAIL: "ops@example.test", IPAM_ADMIN_PASSWORD: password });
  const error = await prepareInstance(() => {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EnvError);
  expect((error as Error).message).toMatch(message);
  expect(await countUsers()).toBe(0);
});
