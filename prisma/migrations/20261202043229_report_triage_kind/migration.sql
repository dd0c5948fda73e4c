-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReportTriage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "homeserver" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'event',
    "reportId" INTEGER NOT NULL,
    "resolvedBy" TEXT NOT NULL,
    "resolvedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ReportTriage" ("homeserver", "id", "reportId", "resolvedAt", "resolvedBy") SELECT "homeserver", "id", "reportId", "resolvedAt", "resolvedBy" FROM "ReportTriage";
DROP TABLE "ReportTriage";
ALTER TABLE "new_ReportTriage" RENAME TO "ReportTriage";
CREATE UNIQUE INDEX "ReportTriage_homeserver_kind_reportId_key" ON "ReportTriage"("homeserver", "kind", "reportId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

