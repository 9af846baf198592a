import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import * as health from "@/app/api/v1/health/route";
import * as networks from "@/app/api/v1/networks/route";
import { disconnectDb } from "@/lib/db/client";
import { closeReadConnection } from "@/lib/db/raw/read-connection";
import { overrideEnv } from "@/lib/env";

// The public health probe names the engine and whether the database
// answers; with the database gone every endpoint answers 503 with the
// error envelope, quickly, and nothing shows the connection string.

const { url, engine } = useTestDatabase();

/** A database of the same engine that is not there: a closed port, a folder that does not exist. */
const deadUrl = engine === "postgresql" ? "postgresql://ipam:s3cret-pw@127.0.0.1:1/ipam" : "file:/nonexistent-ipam-dir/ipam.db";

async function pointAt(databaseUrl: string): Promise<void> {
  await disconnectDb();
  closeReadConnection();
  overrideEnv({ DATABASE_URL: databaseUrl });
}

describe("GET /health", () => {
  it("200 with the engine while the database answers", async () => {
    const res = await call(health.GET as never, "GET", "/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", engine, database: "reachable" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("503 on health and on every endpoint when the database is unreachable, without leaking the URL", async () => {
    const token = await tokenFor("viewer");
    await pointAt(deadUrl);
    try {
      const started = Date.now();
      const probe = await call(health.GET as never, "GET", "/health");
      expect(probe.status).toBe(503);
      expect(probe.body).toEqual({ status: "unavailable", engine, database: "unreachable" });
      const list = await call(networks.GET, "GET", "/networks", { token });
      expect(list.status).toBe(503);
      expect(list.body.error).toMatchObject({ code: "database_unavailable" });
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const body of [probe.body, list.body]) expect(JSON.stringify(body)).not.toMatch(/s3cret|nonexistent|127\.0\.0\.1/);
    } finally {
      await pointAt(url);
    }
    expect((await call(networks.GET, "GET", "/networks", { token })).status).toBe(200);
  });
});
