-- AlterTable
ALTER TABLE "LessonVisit" ADD COLUMN     "addedSeconds" INTEGER NOT NULL DEFAULT 0;

