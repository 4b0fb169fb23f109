-- CreateEnum
CREATE TYPE "HelpKind" AS ENUM ('HINT', 'SOLUTION');

-- CreateTable
CREATE TABLE "ExerciseHelpView" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "kind" "HelpKind" NOT NULL,
    "hint" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExerciseHelpView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExerciseHelpView_userId_createdAt_idx" ON "ExerciseHelpView"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseHelpView_userId_exerciseId_kind_hint_key" ON "ExerciseHelpView"("userId", "exerciseId", "kind", "hint");

-- AddForeignKey
ALTER TABLE "ExerciseHelpView" ADD CONSTRAINT "ExerciseHelpView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

