-- Exercise runs are re-graded on the server (decision 017). Rows recorded before this change
-- keep the browser's figures as their claim and go back to "pending": the verification worker
-- re-grades every pending run when it starts, so nothing counts until the server agrees.

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('pending', 'verified_pass', 'verified_fail', 'error');

-- AlterTable
ALTER TABLE "ExerciseAttempt" ADD COLUMN     "claimedPassed" BOOLEAN,
ADD COLUMN     "claimedResults" JSONB,
ADD COLUMN     "claimedTestsPassed" INTEGER,
ADD COLUMN     "claimedTestsTotal" INTEGER,
ADD COLUMN     "status" "VerificationStatus" NOT NULL DEFAULT 'pending',
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifyMessage" TEXT,
ADD COLUMN     "verifyTries" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "passed" SET DEFAULT false,
ALTER COLUMN "testsPassed" SET DEFAULT 0;

UPDATE "ExerciseAttempt" SET "claimedPassed" = "passed", "claimedResults" = "results",
  "claimedTestsPassed" = "testsPassed", "claimedTestsTotal" = "testsTotal",
  "passed" = false, "testsPassed" = 0, "results" = '[]'::jsonb, "failingTest" = NULL;

-- Nothing is passed until verified: the summaries are recomputed by the worker as runs are verified.
UPDATE "ExerciseProgress" SET "bestPassed" = 0, "firstPassedAt" = NULL, "attemptsToPass" = NULL;

ALTER TABLE "ExerciseAttempt" ALTER COLUMN "claimedPassed" SET NOT NULL,
ALTER COLUMN "claimedResults" SET NOT NULL,
ALTER COLUMN "claimedTestsPassed" SET NOT NULL,
ALTER COLUMN "claimedTestsTotal" SET NOT NULL;

-- CreateIndex
CREATE INDEX "ExerciseAttempt_status_idx" ON "ExerciseAttempt"("status");
