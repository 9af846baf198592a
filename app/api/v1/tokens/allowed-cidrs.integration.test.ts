import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tokens from "@/app/api/v1/tokens/route";
import * as networks from "@/app/api/v1/networks/route";
import { getDb } from "@/lib/db/client";
import { overrideEnv } from "@/lib/env";
import { PEER_HEADER, peerHeaderValue } from "@/lib/http/peer-header";
import { call } from "@/tests/api/client";
import { userWithToken } from "@/tests/api/owned-token";
import { useTestDatabase } from "@/tests/db";

// Issue 11 B.2: a token with allowed client networks works only from inside
// them. The caller's address is what lib/http/client-address.ts reads: the
// peer header our server writes with its per-boot key (no trusted proxies
// here, so X-Forwarded-For is ignored). An unknown address is refused.

useTestDatabase();
const KEY = "t".repeat(43);
const savedKey = process.env.IPAM_PEER_KEY;
beforeAll(() => overrideEnv({ IPAM_PEER_KEY: KEY }));
afterAll(() => {
  if (savedKey === undefined) delete process.env.IPAM_PEER_KEY;
  overrideEnv(savedKey === undefined ? {} : { IPAM_PEER_KEY: savedKey });
});

const from = (address: string) => ({ [PEER_HEADER]: peerHeaderValue(KEY, address) });
const readFrom = (token: string, headers: Record<string, string>) => call(networks.GET, "GET", "/networks", { token, headers });
const create = (token: string, body: unknown, headers: Record<string, string> = from("10.1.1.1")) => call(tokens.POST, "POST", "/tokens", { token, body, headers });

describe("a token limited to client networks", () => {
  it("works from inside any of them (IPv4 and IPv6) and is a 401 from outside", async () => {
    const { token } = await userWithToken("editor", { allowed_cidrs: ["10.0.0.0/8", "2001:db8::/32"] });
    expect((await readFrom(token, from("10.20.30.40"))).status).toBe(200);
    expect((await readFrom(token, from("2001:db8:1::9"))).status).toBe(200);
    const outside = await readFrom(token, from("192.0.2.1"));
    expect(outside.status).toBe(401);
    expect(outside.body.error.code).toBe("unauthorized");
    expect((await readFrom(token, from("2001:db9::1"))).status).toBe(401);
  });

  it("is refused when the address is unknown: no peer header, a forged one, or only X-Forwarded-For", async () => {
    const { token } = await userWithToken("viewer", { allowed_cidrs: ["0.0.0.0/0", "::/0"] });
    expect((await readFrom(token, {})).status).toBe(401);
    expect((await readFrom(token, { [PEER_HEADER]: peerHeaderValue("f".repeat(43), "10.0.0.1") })).status).toBe(401);
    expect((await readFrom(token, { "x-forwarded-for": "10.0.0.1" })).status).toBe(401);
    expect((await readFrom(token, from("10.0.0.1"))).status).toBe(200);
  });

  it("does not record a use from outside", async () => {
    const made = await userWithToken("viewer", { allowed_cidrs: ["10.0.0.0/8"] });
    expect((await readFrom(made.token, from("192.0.2.1"))).status).toBe(401);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt).toBeNull();
  });

  it("an unrestricted token works from anywhere, even an unknown address", async () => {
    const { token } = await userWithToken("viewer");
    expect((await readFrom(token, {})).status).toBe(200);
    expect((await readFrom(token, from("198.51.100.1"))).status).toBe(200);
  });
});

describe("creating with allowed_cidrs", () => {
  it("stores them canonical, sorted and without duplicates; a bare address is one host", async () => {
    const { token } = await userWithToken("admin");
    const res = await create(token, { name: "c", role: "viewer", allowed_cidrs: ["2001:DB8:0::/32", "10.0.0.0/8", " 192.0.2.7 ", "10.0.0.0/8"] });
    expect(res.status).toBe(201);
    expect(res.body.allowed_cidrs).toEqual(["10.0.0.0/8", "192.0.2.7/32", "2001:db8::/32"]);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: res.body.id } })).allowedCidrs).toBe("10.0.0.0/8,192.0.2.7/32,2001:db8::/32");
  });

  it.each([["10.0.0.1/8"], ["300.0.0.0/8"], ["10.0.0.0/33"], ["::ffff:10.0.0.0/104"], ["fe80::/10%eth0"], ["nope"], [42], [null]])(
    "422 for the entry %j and nothing created",
    async (entry) => {
      const { token } = await userWithToken("admin");
      const before = await getDb().apiToken.count();
      const res = await create(token, { name: "bad", role: "viewer", allowed_cidrs: [entry] });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.details)[0]).toMatch(/^allowed_cidrs/);
      expect(await getDb().apiToken.count()).toBe(before);
    },
  );

  it("the form's text: comma or space separated; empty (or null) means anywhere", async () => {
    const { token } = await userWithToken("admin");
    expect((await create(token, { name: "t", role: "viewer", allowed_cidrs: "10.0.0.0/8, 192.0.2.0/24  fd00::/8" })).body.allowed_cidrs).toEqual(["10.0.0.0/8", "192.0.2.0/24", "fd00::/8"]);
    expect((await create(token, { name: "e", role: "viewer", allowed_cidrs: "" })).body.allowed_cidrs).toEqual([]);
    expect((await create(token, { name: "n", role: "viewer", allowed_cidrs: null })).body.allowed_cidrs).toEqual([]);
  });

  it("422 for more than 32 networks", async () => {
    const { token } = await userWithToken("admin");
    const many = Array.from({ length: 33 }, (_, i) => `10.${i}.0.0/16`);
    expect((await create(token, { name: "many", role: "viewer", allowed_cidrs: many })).status).toBe(422);
  });

  it("a limited token makes only tokens limited to networks inside its own (403 otherwise)", async () => {
    const { token } = await userWithToken("admin", { allowed_cidrs: ["10.0.0.0/8"] });
    const before = await getDb().apiToken.count();
    expect((await create(token, { name: "free", role: "viewer" })).status).toBe(403);
    expect((await create(token, { name: "wider", role: "viewer", allowed_cidrs: ["0.0.0.0/0"] })).status).toBe(403);
    expect((await create(token, { name: "beside", role: "viewer", allowed_cidrs: ["10.1.0.0/16", "11.0.0.0/8"] })).status).toBe(403);
    expect(await getDb().apiToken.count()).toBe(before);
    const inside = await create(token, { name: "inside", role: "viewer", allowed_cidrs: ["10.1.0.0/16"] });
    expect(inside.status).toBe(201);
  });

  it("a token that expires makes only tokens that expire no later (403 otherwise)", async () => {
    const soon = new Date(Date.now() + 3_600_000);
    const { token } = await userWithToken("admin", { expires_at: soon.toISOString() });
    expect((await create(token, { name: "never", role: "viewer" })).status).toBe(403);
    expect((await create(token, { name: "later", role: "viewer", expires_at: new Date(soon.getTime() + 1000).toISOString() })).status).toBe(403);
    expect((await create(token, { name: "sooner", role: "viewer", expires_at: new Date(soon.getTime() - 1000).toISOString() })).status).toBe(201);
  });
});
