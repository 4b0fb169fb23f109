-- CreateTable
CREATE TABLE "LearnerActivityDay" (
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "LearnerActivityDay_pkey" PRIMARY KEY ("userId","day")
);

-- CreateIndex
CREATE INDEX "LearnerActivityDay_day_userId_idx" ON "LearnerActivityDay"("day", "userId");

-- AddForeignKey
ALTER TABLE "LearnerActivityDay" ADD CONSTRAINT "LearnerActivityDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The roll-up is derived data, kept by triggers so every writer (the app's routes, the seed, a
-- restore, a hand-written fix) keeps it right without knowing it exists. A trigger records the UTC
-- day of each activity timestamp a row gains; ON CONFLICT makes the usual case (the learner was
-- already active that day) one index probe. The UPDATE triggers only fire when the day changes.
CREATE FUNCTION "learner_activity_day_record"("learner" TEXT, "at" TIMESTAMP(3)) RETURNS VOID
LANGUAGE sql AS $$
  INSERT INTO "LearnerActivityDay" ("userId", "day") SELECT learner, at::date WHERE at IS NOT NULL
  ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION "learner_activity_day_from_visit"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM "learner_activity_day_record"(NEW."userId", NEW."startedAt"); END IF;
  PERFORM "learner_activity_day_record"(NEW."userId", NEW."updatedAt");
  RETURN NULL;
END $$;

CREATE FUNCTION "learner_activity_day_from_lesson"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM "learner_activity_day_record"(NEW."userId", NEW."startedAt"); END IF;
  PERFORM "learner_activity_day_record"(NEW."userId", NEW."completedAt");
  RETURN NULL;
END $$;

CREATE FUNCTION "learner_activity_day_from_created"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "learner_activity_day_record"(NEW."userId", NEW."createdAt");
  RETURN NULL;
END $$;

CREATE TRIGGER "LessonVisit_activity_day_insert" AFTER INSERT ON "LessonVisit"
  FOR EACH ROW EXECUTE FUNCTION "learner_activity_day_from_visit"();
CREATE TRIGGER "LessonVisit_activity_day_update" AFTER UPDATE OF "updatedAt" ON "LessonVisit"
  FOR EACH ROW WHEN (NEW."updatedAt"::date IS DISTINCT FROM OLD."updatedAt"::date)
  EXECUTE FUNCTION "learner_activity_day_from_visit"();
CREATE TRIGGER "LessonProgress_activity_day_insert" AFTER INSERT ON "LessonProgress"
  FOR EACH ROW EXECUTE FUNCTION "learner_activity_day_from_lesson"();
CREATE TRIGGER "LessonProgress_activity_day_update" AFTER UPDATE OF "completedAt" ON "LessonProgress"
  FOR EACH ROW WHEN (NEW."completedAt"::date IS DISTINCT FROM OLD."completedAt"::date)
  EXECUTE FUNCTION "learner_activity_day_from_lesson"();
CREATE TRIGGER "ExerciseAttempt_activity_day" AFTER INSERT ON "ExerciseAttempt"
  FOR EACH ROW EXECUTE FUNCTION "learner_activity_day_from_created"();
CREATE TRIGGER "QuizAttempt_activity_day" AFTER INSERT ON "QuizAttempt"
  FOR EACH ROW EXECUTE FUNCTION "learner_activity_day_from_created"();

-- What the site already recorded.
INSERT INTO "LearnerActivityDay" ("userId", "day")
SELECT "userId", at::date FROM (
  SELECT "userId", "startedAt" AS at FROM "LessonVisit"
  UNION ALL SELECT "userId", "updatedAt" FROM "LessonVisit"
  UNION ALL SELECT "userId", "startedAt" FROM "LessonProgress"
  UNION ALL SELECT "userId", "completedAt" FROM "LessonProgress" WHERE "completedAt" IS NOT NULL
  UNION ALL SELECT "userId", "createdAt" FROM "ExerciseAttempt"
  UNION ALL SELECT "userId", "createdAt" FROM "QuizAttempt"
) events
GROUP BY 1, 2;
