-- DropIndex
DROP INDEX "ReportTriage_homeserver_reportId_key";

-- AlterTable
ALTER TABLE "ReportTriage" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'event';

-- CreateIndex
CREATE UNIQUE INDEX "ReportTriage_homeserver_kind_reportId_key" ON "ReportTriage"("homeserver", "kind", "reportId");

