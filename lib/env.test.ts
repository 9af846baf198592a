import { afterEach, describe, expect, it } from "vitest";
import { databaseEngine, EnvError, loadEnv, overrideEnv, redactDatabaseUrl } from "@/lib/env";
import { databaseUnreachable } from "@/lib/db/database-unreachable";

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  overrideEnv(saved as Record<string, string>);
});

function withEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  overrideEnv({});
  return loadEnv;
}

describe("loadEnv", () => {
  it("defaults to SQLite under ./data on port 3000 of every interface", () => {
    const env = withEnv({ DATABASE_URL: undefined, PORT: undefined, HOST: undefined, DATA_DIR: undefined, DATABASE_POOL_SIZE: undefined })();
    expect(env).toMatchObject({ DATABASE_URL: "file:./data/ipam.db", PORT: 3000, HOST: "0.0.0.0", DATA_DIR: "./data", DATABASE_POOL_SIZE: 10 });
    expect(databaseEngine(env.DATABASE_URL)).toBe("sqlite");
  });

  it("takes PORT, HOST and DATABASE_URL from the environment", () => {
    const env = withEnv({ PORT: "8080", HOST: "127.0.0.1", DATABASE_URL: "file:/srv/ipam/ipam.db" })();
    expect(env).toMatchObject({ PORT: 8080, HOST: "127.0.0.1", DATABASE_URL: "file:/srv/ipam/ipam.db" });
  });

  it.each([
    "postgresql://ipam:secret@db.example:5432/ipam",
    "postgres://db/ipam",
    "postgresql://ipam@127.0.0.1/ipam?sslmode=require",
    "postgresql://ipam:p%40ss%2Fword@[::1]:5433/ipam",
  ])("accepts the PostgreSQL URL %s and selects PostgreSQL", (url) => {
    const env = withEnv({ DATABASE_URL: url, DATABASE_POOL_SIZE: "20" })();
    expect(env).toMatchObject({ DATABASE_URL: url, DATABASE_POOL_SIZE: 20 });
    expect(databaseEngine(env.DATABASE_URL)).toBe("postgresql");
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "ipam.db"],
    ["DATABASE_URL", "mysql://ipam:Sw0rdfish-77@db/ipam"],
    ["DATABASE_URL", "postgresql://ipam:Sw0rdfish-77@/ipam"],
    ["DATABASE_URL", "postgresql://ipam:Sw0rdfish-77@db.example:5432"],
    ["DATABASE_URL", "postgresql://ipam:Sw0rdfish-77@db.example/ipam/extra"],
    ["DATABASE_URL", "postgresql://ipam:Sw0rdfish-77@db.example:99999/ipam"],
    ["DATABASE_URL", "postgresql://ipam:Sw0rdfish-77%zz@db.example/ipam"],
    ["DATABASE_POOL_SIZE", "1"],
    ["IPAM_ADMIN_EMAIL", "not-an-email"],
    ["AUTH_SECRET", "short"],
  ])("a bad %s (%s) is one line naming the variable, never the value", (name, value) => {
    const load = withEnv({ [name]: value });
    expect(load).toThrow(EnvError);
    expect(load).toThrow(new RegExp(`^Invalid environment variable ${name}: [^\\n]+$`));
    expect(load).not.toThrow(/Sw0rdfish/);
  });
});

describe("database URLs in messages", () => {
  it("redactDatabaseUrl hides the password, even one containing @", () => {
    expect(redactDatabaseUrl("postgresql://ipam:secret@db:5432/ipam")).toBe("postgresql://ipam:***@db:5432/ipam");
    expect(redactDatabaseUrl("postgres://ipam:se@cr@et@db/ipam?x=1")).toBe("postgres://ipam:***@db/ipam?x=1");
    expect(redactDatabaseUrl("postgresql://ipam@db/ipam")).toBe("postgresql://ipam@db/ipam");
    expect(redactDatabaseUrl("file:./data/ipam.db")).toBe("file:./data/ipam.db");
  });

  it("databaseUnreachable is one line naming DATABASE_URL, with the password removed from the driver's message too", () => {
    const url = "postgresql://ipam:p%40ss@db:5432/ipam";
    const error = databaseUnreachable(url, new Error('password "p@ss" rejected\nfor "p%40ss"'));
    expect(error).toBeInstanceOf(EnvError);
    expect(error.message).toBe('Cannot connect to the database in DATABASE_URL (postgresql://ipam:***@db:5432/ipam): password "***" rejected for "***"');
  });
});
