-- CreateTable
CREATE TABLE "Job" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "kind" TEXT NOT NULL,
    "homeserver" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "result" TEXT,
    "message" TEXT,
    "credential" TEXT,
    "credentialKind" TEXT,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "cancelledBy" TEXT,
    "owner" TEXT,
    "leaseUntil" DATETIME,
    "fence" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "JobItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT,
    "finishedAt" DATETIME,
    CONSTRAINT "JobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (columns added in place: SQLite can, and the import jobs' rows stay where they are)
ALTER TABLE "ImportJob" ADD COLUMN "owner" TEXT;
ALTER TABLE "ImportJob" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "ImportJob" ADD COLUMN "fence" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Job_status_leaseUntil_idx" ON "Job"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "Job_homeserver_kind_createdAt_idx" ON "Job"("homeserver", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "JobItem_jobId_status_seq_idx" ON "JobItem"("jobId", "status", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "JobItem_jobId_key_key" ON "JobItem"("jobId", "key");

