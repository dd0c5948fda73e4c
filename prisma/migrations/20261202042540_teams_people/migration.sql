-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "personEmail" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "personName" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "personSubject" TEXT;

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN "cancelledBy" TEXT;
ALTER TABLE "ImportJob" ADD COLUMN "startedBy" TEXT;

-- CreateIndex
CREATE INDEX "AuditEntry_personEmail_createdAt_idx" ON "AuditEntry"("personEmail", "createdAt");

