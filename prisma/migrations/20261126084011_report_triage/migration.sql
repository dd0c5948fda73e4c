-- CreateTable
CREATE TABLE "ReportTriage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "homeserver" TEXT NOT NULL,
    "reportId" INTEGER NOT NULL,
    "resolvedBy" TEXT NOT NULL,
    "resolvedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportTriage_homeserver_reportId_key" ON "ReportTriage"("homeserver", "reportId");

