import { beforeAll, describe, expect, it } from "vitest";
import * as hosts from "@/app/api/v1/hosts/route";
import * as networks from "@/app/api/v1/networks/route";
import { getDb } from "@/lib/db/client";
import { call, tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";

// POST /hosts and /networks take one object or an array created all or
// nothing; an empty array creates nothing, so a 201 would be a lie.

useTestDatabase();
let token: string;
beforeAll(async () => {
  token = await tokenFor("editor");
});

describe("POST [] (an empty bulk body)", () => {
  it.each([
    ["/hosts", hosts.POST, "host"],
    ["/networks", networks.POST, "network"],
  ] as const)("%s answers 422 and writes nothing", async (path, handler, noun) => {
    const res = await call(handler, "POST", path, { token, body: [] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_error");
    expect(res.body.error.message).toContain(`at least one ${noun}`);
    expect(await getDb().host.count()).toBe(0);
    expect(await getDb().network.count()).toBe(0);
  });

  it("a one-item array is still accepted", async () => {
    const res = await call(networks.POST, "POST", "/networks", { token, body: [{ network: "10.40.0.0/24" }] });
    expect(res.status).toBe(201);
  });
});
