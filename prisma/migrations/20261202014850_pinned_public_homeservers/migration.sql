-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PinnedHomeserver" (
    "authority" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "private" BOOLEAN NOT NULL DEFAULT true
);
INSERT INTO "new_PinnedHomeserver" ("authority", "createdAt") SELECT "authority", "createdAt" FROM "PinnedHomeserver";
DROP TABLE "PinnedHomeserver";
ALTER TABLE "new_PinnedHomeserver" RENAME TO "PinnedHomeserver";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

