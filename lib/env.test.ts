import { afterEach, describe, expect, it } from "vitest";
import { EnvError, loadEnv, overrideEnv } from "@/lib/env";

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
    const env = withEnv({ DATABASE_URL: undefined, PORT: undefined, HOST: undefined, DATA_DIR: undefined })();
    expect(env).toMatchObject({ DATABASE_URL: "file:./data/ipam.db", PORT: 3000, HOST: "0.0.0.0", DATA_DIR: "./data" });
  });

  it("takes PORT, HOST and DATABASE_URL from the environment", () => {
    const env = withEnv({ PORT: "8080", HOST: "127.0.0.1", DATABASE_URL: "file:/srv/ipam/ipam.db" })();
    expect(env).toMatchObject({ PORT: 8080, HOST: "127.0.0.1", DATABASE_URL: "file:/srv/ipam/ipam.db" });
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "postgres://db/ipam"],
    ["DATABASE_URL", "ipam.db"],
    ["IPAM_ADMIN_EMAIL", "not-an-email"],
    ["AUTH_SECRET", "short"],
  ])("a bad %s (%s) is one line naming the variable", (name, value) => {
    const load = withEnv({ [name]: value });
    expect(load).toThrow(EnvError);
    expect(load).toThrow(new RegExp(`^Invalid environment variable ${name}: [^\\n]+$`));
  });
});
