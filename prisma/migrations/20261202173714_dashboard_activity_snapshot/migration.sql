-- CreateTable
CREATE TABLE "ActivitySnapshot" (
    "homeserver" TEXT NOT NULL PRIMARY KEY,
    "computedAt" DATETIME,
    "totalUsers" INTEGER,
    "active1d" INTEGER,
    "active7d" INTEGER,
    "active30d" INTEGER,
    "perMonth" TEXT,
    "requestedAt" DATETIME,
    "jobId" INTEGER,
    "error" TEXT
);

