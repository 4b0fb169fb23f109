-- CreateIndex
CREATE INDEX "ExerciseAttempt_passed_exerciseId_failingTest_userId_idx" ON "ExerciseAttempt"("passed", "exerciseId", "failingTest", "userId");

