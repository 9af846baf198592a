-- AlterTable
ALTER TABLE "networks" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active';

-- AlterTable
ALTER TABLE "hosts" ADD COLUMN     "allow_duplicate_name" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "host_names" (
    "id" SERIAL NOT NULL,
    "host_id" INTEGER NOT NULL,
    "fqdn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "slot" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "host_names_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "host_names_host_id_idx" ON "host_names"("host_id");

-- CreateIndex
CREATE UNIQUE INDEX "host_names_fqdn_slot_key" ON "host_names"("fqdn", "slot");

-- CreateIndex
CREATE INDEX "hosts_network_id_status_idx" ON "hosts"("network_id", "status");

-- AddForeignKey
ALTER TABLE "host_names" ADD CONSTRAINT "host_names_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
