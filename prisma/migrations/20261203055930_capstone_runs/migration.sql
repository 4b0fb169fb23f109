-- CreateTable
CREATE TABLE "CapstoneRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "pieces" TEXT[],
    "finalTrainLoss" DOUBLE PRECISION NOT NULL,
    "finalValidationLoss" DOUBLE PRECISION NOT NULL,
    "steps" INTEGER NOT NULL,
    "backend" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CapstoneRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CapstoneRun_userId_createdAt_idx" ON "CapstoneRun"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CapstoneRun_userId_runId_key" ON "CapstoneRun"("userId", "runId");

-- AddForeignKey
ALTER TABLE "CapstoneRun" ADD CONSTRAINT "CapstoneRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

