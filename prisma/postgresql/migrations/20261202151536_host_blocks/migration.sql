-- CreateTable
CREATE TABLE "host_blocks" (
    "level" INTEGER NOT NULL,
    "block_key" TEXT COLLATE "C" NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "host_blocks_pkey" PRIMARY KEY ("level","block_key")
);

-- Backfill from the hosts already stored (the triggers keep it from here on).
INSERT INTO "host_blocks" ("level", "block_key", "used")
SELECT 1, substr("ip_key", 1, 31), COUNT(*) FROM "hosts" GROUP BY substr("ip_key", 1, 31);
INSERT INTO "host_blocks" ("level", "block_key", "used")
SELECT 2, substr("ip_key", 1, 29), COUNT(*) FROM "hosts" GROUP BY substr("ip_key", 1, 29);
