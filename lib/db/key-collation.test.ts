import { describe, expect, it } from "vitest";
import { collateKeyColumns } from "@/lib/db/key-collation";

// What Prisma's engine writes for PostgreSQL, and what must become of it.

describe("collateKeyColumns", () => {
  it("collates key columns in CREATE TABLE, ADD COLUMN and SET DATA TYPE, and nothing else", () => {
    const sql = [
      'CREATE TABLE "racks" (',
      '    "id" SERIAL NOT NULL,',
      '    "row_key" TEXT NOT NULL,',
      '    "monkey" TEXT,',
      '    CONSTRAINT "racks_pkey" PRIMARY KEY ("id")',
      ");",
      'ALTER TABLE "networks" ADD COLUMN     "rack_no" INTEGER,',
      'ADD COLUMN     "rack_key" TEXT;',
      'ALTER TABLE "hosts" ALTER COLUMN "ip_key" SET DATA TYPE TEXT,',
      'ALTER COLUMN "ip_key" SET NOT NULL;',
      'CREATE UNIQUE INDEX "racks_row_key_key" ON "racks"("row_key");',
    ].join("\n");
    expect(collateKeyColumns(sql)).toBe(
      sql
        .replace('"row_key" TEXT NOT NULL', '"row_key" TEXT COLLATE "C" NOT NULL')
        .replace('"rack_key" TEXT;', '"rack_key" TEXT COLLATE "C";')
        .replace('SET DATA TYPE TEXT,', 'SET DATA TYPE TEXT COLLATE "C",'),
    );
  });

  it("leaves SQL that already says COLLATE \"C\" as it is (idempotent)", () => {
    const sql = '    "start_key" TEXT COLLATE "C" NOT NULL,\n';
    expect(collateKeyColumns(sql)).toBe(sql);
    expect(collateKeyColumns(collateKeyColumns('ADD COLUMN "a_key" TEXT'))).toBe('ADD COLUMN "a_key" TEXT COLLATE "C"');
  });

  it("refuses a key column that is not TEXT or has another collation", () => {
    expect(() => collateKeyColumns('    "shard_key" INTEGER NOT NULL,')).toThrow(/"shard_key" is INTEGER.*must be a String/);
    expect(() => collateKeyColumns('ADD COLUMN     "a_key" VARCHAR(20)')).toThrow(/VARCHAR\(20\)/);
    expect(() => collateKeyColumns('    "a_key" TEXT COLLATE "en_US" NOT NULL,')).toThrow(/COLLATE "C"/);
  });
});
