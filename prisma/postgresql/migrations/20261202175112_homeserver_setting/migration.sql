-- CreateTable
CREATE TABLE "HomeserverSetting" (
    "homeserver" TEXT NOT NULL,
    "managedUserPattern" TEXT,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HomeserverSetting_pkey" PRIMARY KEY ("homeserver")
);

