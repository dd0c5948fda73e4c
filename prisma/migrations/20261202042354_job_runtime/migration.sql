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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "actor" TEXT NOT NULL,
    "homeserver" TEXT NOT NULL,
    "serverName" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "dryRun" BOOLEAN NOT NULL,
    "options" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "invalidRows" INTEGER NOT NULL DEFAULT 0,
    "warnings" TEXT,
    "credential" TEXT,
    "credentialKind" TEXT,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "parentId" INTEGER,
    "passwordsDownloadedAt" DATETIME,
    "passwordsPurgedAt" DATETIME,
    "durationMs" INTEGER,
    "owner" TEXT,
    "leaseUntil" DATETIME,
    "fence" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_ImportJob" ("actor", "cancelRequested", "createdAt", "credential", "credentialKind", "dryRun", "durationMs", "fileBytes", "fileName", "fileSha256", "finishedAt", "homeserver", "id", "invalidRows", "message", "options", "parentId", "passwordsDownloadedAt", "passwordsPurgedAt", "serverName", "startedAt", "status", "totalRows", "warnings") SELECT "actor", "cancelRequested", "createdAt", "credential", "credentialKind", "dryRun", "durationMs", "fileBytes", "fileName", "fileSha256", "finishedAt", "homeserver", "id", "invalidRows", "message", "options", "parentId", "passwordsDownloadedAt", "passwordsPurgedAt", "serverName", "startedAt", "status", "totalRows", "warnings" FROM "ImportJob";
DROP TABLE "ImportJob";
ALTER TABLE "new_ImportJob" RENAME TO "ImportJob";
CREATE UNIQUE INDEX "ImportJob_parentId_key" ON "ImportJob"("parentId");
CREATE INDEX "ImportJob_homeserver_createdAt_idx" ON "ImportJob"("homeserver", "createdAt");
CREATE INDEX "ImportJob_status_idx" ON "ImportJob"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Job_status_leaseUntil_idx" ON "Job"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "Job_homeserver_kind_createdAt_idx" ON "Job"("homeserver", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "JobItem_jobId_status_seq_idx" ON "JobItem"("jobId", "status", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "JobItem_jobId_key_key" ON "JobItem"("jobId", "key");

