import { afterEach, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { hashOfNoAccount, hashPassword, verifyPassword } from "@/lib/auth/password";
import { overrideEnv } from "@/lib/env";

describe("password hashing (bcrypt on worker threads)", () => {
  afterEach(() => overrideEnv({ PASSWORD_HASH_COST: "10" }));

  it("hashes with bcrypt at PASSWORD_HASH_COST (12 by default), and the hash verifies with bcryptjs itself and here", async () => {
    delete process.env.PASSWORD_HASH_COST;
    overrideEnv({});
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    overrideEnv({ PASSWORD_HASH_COST: "11" });
    expect(await hashPassword("x")).toMatch(/^\$2[aby]\$11\$/);
    expect(bcrypt.compareSync("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
  });

  it("keeps the event loop free while it hashes: a timer fires on time during several checks", async () => {
    const hash = bcrypt.hashSync("x", 12);
    let worstLag = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 10);
      last = now;
    }, 10);
    await Promise.all(Array.from({ length: 4 }, () => verifyPassword("guess", hash)));
    clearInterval(timer);
    // bcryptjs on the event loop held this timer back ~390 ms here; off it, the
    // timer is late only by what other test files' CPU use costs (well under 200 ms).
    expect(worstLag).toBeLessThan(200);
  });

  it("an unknown account is checked against a real hash at the configured cost, so a miss costs what a hit does", async () => {
    const dummy = await hashOfNoAccount();
    expect(dummy).toMatch(/^\$2[aby]\$10\$/);
    expect(await hashOfNoAccount()).toBe(dummy);
    expect(await verifyPassword("", dummy)).toBe(false);
  });

  it("a malformed hash verifies as false (no hang, no crash of the worker)", async () => {
    await expect(verifyPassword("x", "not a bcrypt hash")).resolves.toBe(false);
  });
});
