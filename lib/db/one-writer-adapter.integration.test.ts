import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { Lock } from "@/lib/db/one-writer-adapter";
import { useTestDatabase } from "@/tests/db";

useTestDatabase();

const network = (n: number) => ({ network: `10.${n}.0.0`, cidr: 16, family: 4, startKey: `4${"0".repeat(24)}0a${n.toString(16).padStart(2, "0")}0000`, endKey: `4${"0".repeat(24)}0a${n.toString(16).padStart(2, "0")}ffff` });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("statements outside a transaction on the shared SQLite connection", () => {
  it("do not see an open transaction's rows, and their writes survive its rollback", async () => {
    const db = getDb();
    await db.network.create({ data: { ...network(3), name: "before" } });
    let inside!: () => void;
    const transactionHasWritten = new Promise<void>((resolve) => (inside = resolve));
    let finish!: () => void;
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));

    const rolledBack = db.$transaction(async (tx) => {
      await tx.network.create({ data: { ...network(1), name: "uncommitted" } });
      inside();
      await mayFinish;
      throw new Error("roll back");
    }, { timeout: 20_000 }).catch((error: Error) => error.message);

    await transactionHasWritten;
    // Issued while the transaction is open (as a token's last_used_at update
    // or a GET during a dry-run import would be): they wait for it to end.
    const write = db.$executeRaw`UPDATE networks SET name = 'renamed' WHERE network = '10.3.0.0'`;
    const read = db.network.findMany({ select: { name: true }, orderBy: { id: "asc" } });
    const early = await Promise.race([read.then((rows) => rows.map((n) => n.name)), sleep(300).then(() => "waiting")]);
    finish();

    expect(early).toBe("waiting");
    expect(await rolledBack).toBe("roll back");
    expect(await write).toBe(1);
    expect((await read).map((n) => n.name)).not.toContain("uncommitted");
    expect((await db.network.findMany({ select: { name: true } })).map((n) => n.name)).toEqual(["renamed"]);
  });
});

describe("Lock", () => {
  it("hands the lock over in request order, one holder at a time", async () => {
    const lock = new Lock();
    const order: string[] = [];
    let holders = 0;
    const job = (name: string, ms: number) => lock.run(async () => {
      holders++;
      expect(holders).toBe(1);
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`end ${name}`);
      holders--;
    });
    await Promise.all([job("a", 20), job("b", 1), job("c", 5)]);
    expect(order).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("releases after a failure", async () => {
    const lock = new Lock();
    await expect(lock.run(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    await expect(lock.run(async () => "next")).resolves.toBe("next");
  });
});
