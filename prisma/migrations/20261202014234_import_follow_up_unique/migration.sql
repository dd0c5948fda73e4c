-- CreateIndex
CREATE UNIQUE INDEX "ImportJob_parentId_key" ON "ImportJob"("parentId");

