-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "personEmail" TEXT,
ADD COLUMN     "personName" TEXT,
ADD COLUMN     "personSubject" TEXT;

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "cancelledBy" TEXT,
ADD COLUMN     "startedBy" TEXT;

-- CreateIndex
CREATE INDEX "AuditEntry_personEmail_createdAt_idx" ON "AuditEntry"("personEmail", "createdAt");

