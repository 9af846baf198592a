-- CreateTable
CREATE TABLE "change_log" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "time" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_kind" TEXT NOT NULL,
    "actor_id" INTEGER,
    "actor_name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_id" INTEGER NOT NULL,
    "object_repr" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "message" TEXT
);

-- CreateTable
CREATE TABLE "change_capture" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "xact" BIGINT NOT NULL DEFAULT 0,
    "table_name" TEXT NOT NULL,
    "row_id" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "old_row" TEXT,
    "new_row" TEXT,
    "secret_changed" BOOLEAN NOT NULL DEFAULT false
);

-- CreateIndex
CREATE INDEX "change_log_object_type_object_id_id_idx" ON "change_log"("object_type", "object_id", "id");

-- CreateIndex
CREATE INDEX "change_log_request_id_id_idx" ON "change_log"("request_id", "id");

-- CreateIndex
CREATE INDEX "change_log_actor_name_id_idx" ON "change_log"("actor_name", "id");

-- CreateIndex
CREATE INDEX "change_log_time_idx" ON "change_log"("time");

-- CreateIndex
CREATE INDEX "change_capture_xact_idx" ON "change_capture"("xact");
