-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "homeserver" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "params" TEXT,
    "outcome" TEXT NOT NULL,
    "message" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurgeRecord" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "actor" TEXT NOT NULL,
    "homeserver" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT,
    "scope" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "filesDeleted" INTEGER,
    "bytesFreed" BIGINT,
    "durationMs" INTEGER,
    "synapseTaskId" TEXT,
    "error" TEXT,

    CONSTRAINT "PurgeRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportTriage" (
    "id" SERIAL NOT NULL,
    "homeserver" TEXT NOT NULL,
    "reportId" INTEGER NOT NULL,
    "resolvedBy" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportTriage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
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
    "passwordsDownloadedAt" TIMESTAMP(3),
    "passwordsPurgedAt" TIMESTAMP(3),
    "durationMs" INTEGER,

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" SERIAL NOT NULL,
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
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PinnedHomeserver" (
    "authority" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PinnedHomeserver_pkey" PRIMARY KEY ("authority")
);

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actor_createdAt_idx" ON "AuditEntry"("actor", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_target_idx" ON "AuditEntry"("target");

-- CreateIndex
CREATE INDEX "PurgeRecord_createdAt_idx" ON "PurgeRecord"("createdAt");

-- CreateIndex
CREATE INDEX "PurgeRecord_kind_createdAt_idx" ON "PurgeRecord"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "PurgeRecord_target_idx" ON "PurgeRecord"("target");

-- CreateIndex
CREATE UNIQUE INDEX "ReportTriage_homeserver_reportId_key" ON "ReportTriage"("homeserver", "reportId");

-- CreateIndex
CREATE INDEX "ImportJob_homeserver_createdAt_idx" ON "ImportJob"("homeserver", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_status_idx" ON "ImportJob"("status");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_line_idx" ON "ImportRow"("jobId", "line");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_status_line_idx" ON "ImportRow"("jobId", "status", "line");

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

