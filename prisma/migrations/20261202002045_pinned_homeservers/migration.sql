-- CreateTable
CREATE TABLE "PinnedHomeserver" (
    "authority" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

