-- CreateTable
CREATE TABLE "HomeserverSetting" (
    "homeserver" TEXT NOT NULL PRIMARY KEY,
    "managedUserPattern" TEXT,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

