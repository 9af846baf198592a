-- AlterTable
ALTER TABLE "networks" ADD COLUMN "utilization_threshold" INTEGER;
