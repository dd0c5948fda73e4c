-- CreateTable
CREATE TABLE "PurgeRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
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
    "error" TEXT
);

-- CreateIndex
CREATE INDEX "PurgeRecord_createdAt_idx" ON "PurgeRecord"("createdAt");

-- CreateIndex
CREATE INDEX "PurgeRecord_kind_createdAt_idx" ON "PurgeRecord"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "PurgeRecord_target_idx" ON "PurgeRecord"("target");

