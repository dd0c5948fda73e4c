-- CreateTable
CREATE TABLE "ActivitySnapshot" (
    "homeserver" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3),
    "totalUsers" INTEGER,
    "active1d" INTEGER,
    "active7d" INTEGER,
    "active30d" INTEGER,
    "perMonth" TEXT,
    "requestedAt" TIMESTAMP(3),
    "jobId" INTEGER,
    "error" TEXT,

    CONSTRAINT "ActivitySnapshot_pkey" PRIMARY KEY ("homeserver")
);

