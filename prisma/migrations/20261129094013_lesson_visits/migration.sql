-- CreateTable
CREATE TABLE "LessonVisit" (
    "userId" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonVisit_pkey" PRIMARY KEY ("userId","visitId")
);

-- CreateIndex
CREATE INDEX "LessonVisit_userId_lessonSlug_idx" ON "LessonVisit"("userId", "lessonSlug");

-- AddForeignKey
ALTER TABLE "LessonVisit" ADD CONSTRAINT "LessonVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

