-- CreateEnum
CREATE TYPE "QuizReviewMode" AS ENUM ('AFTER_PASS_OR_ATTEMPTS', 'AFTER_PASS', 'AFTER_ATTEMPTS', 'ALWAYS');

-- CreateTable
CREATE TABLE "CohortQuizReview" (
    "cohortId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "mode" "QuizReviewMode" NOT NULL DEFAULT 'AFTER_PASS_OR_ATTEMPTS',
    "attempts" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CohortQuizReview_pkey" PRIMARY KEY ("cohortId","quizId")
);

-- AddForeignKey
ALTER TABLE "CohortQuizReview" ADD CONSTRAINT "CohortQuizReview_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

