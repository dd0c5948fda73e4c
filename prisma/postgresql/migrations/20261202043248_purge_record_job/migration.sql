-- AlterTable
ALTER TABLE "PurgeRecord" ADD COLUMN     "jobId" INTEGER;

-- CreateIndex
CREATE INDEX "PurgeRecord_jobId_idx" ON "PurgeRecord"("jobId");

