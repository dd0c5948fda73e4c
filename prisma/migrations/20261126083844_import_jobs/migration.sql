-- CreateTable
CREATE TABLE "ImportJob" (
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
    "durationMs" INTEGER
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobId" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "userId" TEXT,
    "input" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "changes" TEXT,
    "errors" TEXT,
    "reason" TEXT,
    "csvPassword" TEXT,
    "generatedPassword" TEXT,
    "attempt" TEXT,
    "finishedAt" DATETIME,
    CONSTRAINT "ImportRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImportJob_homeserver_createdAt_idx" ON "ImportJob"("homeserver", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_status_idx" ON "ImportJob"("status");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_line_idx" ON "ImportRow"("jobId", "line");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_status_line_idx" ON "ImportRow"("jobId", "status", "line");

