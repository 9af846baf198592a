-- CreateTable
CREATE TABLE "network_counts" (
    "network_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "total" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "inactive" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "network_counts_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "networks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Backfill: the counts of the hosts already stored (the triggers keep them from here on).
INSERT INTO "network_counts" ("network_id", "total", "reserved", "inactive")
SELECT "network_id", COUNT(*),
       SUM(CASE WHEN "status" = 'reserved' THEN 1 ELSE 0 END),
       SUM(CASE WHEN "status" = 'inactive' THEN 1 ELSE 0 END)
FROM "hosts" WHERE "network_id" IS NOT NULL GROUP BY "network_id";
