import { beforeAll, describe, expect, it } from "vitest";
import * as tokens from "@/app/api/v1/tokens/route";
import { getDb } from "@/lib/db/client";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { AppError, toAppError } from "@/lib/errors";
import { call, tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";

// A token whose expiry has already passed is dead on arrival: refused (422)
// by the API and by the admin CLI, which calls the same service.

useTestDatabase();
let admin: string;
beforeAll(async () => {
  admin = await tokenFor("admin");
});

const post = (expires_at: unknown) => call(tokens.POST, "POST", "/tokens", { token: admin, body: { name: "ci", role: "viewer", expires_at } });

describe("POST /api/v1/tokens expires_at", () => {
  it.each(["2020-01-01T00:00:00Z", "2020-01-01", new Date(Date.now() - 1000).toISOString()])("%s (past) answers 422 and stores nothing", async (when) => {
    const before = await getDb().apiToken.count();
    const res = await post(when);
    expect(res.status).toBe(422);
    expect(res.body.error.details.expires_at).toEqual(["expires_at must be in the future"]);
    expect(await getDb().apiToken.count()).toBe(before);
  });

  it("a future expiry and no expiry are accepted", async () => {
    expect((await post(new Date(Date.now() + 86_400_000).toISOString())).status).toBe(201);
    expect((await post(null)).status).toBe(201);
  });

  it("the CLI's path (createApiToken without an actor) refuses a past date too", async () => {
    const error = await createApiToken(null, { name: "cli", role: "viewer", expires_at: "2020-01-01" }).catch((e: unknown) => e);
    expect(toAppError(error)).toBeInstanceOf(AppError);
    expect(toAppError(error).status).toBe(422);
  });
});
