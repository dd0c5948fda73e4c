-- AlterTable
ALTER TABLE "PinnedHomeserver" ADD COLUMN     "private" BOOLEAN NOT NULL DEFAULT true;

