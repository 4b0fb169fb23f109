/**
 * Seeds one cohort with N learners and realistic progress through the real course (20 lessons,
 * 17 exercises, 5 quizzes), in bulk (createMany in chunks; never a row at a time). Used by
 * bench/cohort-dashboard.ts, and by `npx tsx bench/cohort-seed.ts` to fill a development database
 * with a demo cohort for the demo instructor (see the bottom of this file).
 *
 * The model, deterministic for a given seed:
 * - each learner has a skill (standard normal) and a pace (1-5 days a lesson, from when they
 *   joined, about 60 days ago): 8% never start, 30% drop out at some lesson (and go inactive),
 *   the rest keep going, so at "now" some have finished and most are somewhere in the course;
 * - 70% are on the builder track and run the exercises of the lessons they reach: each run passes
 *   with a probability rising with skill; after a failure they may give up; the first failing test
 *   is drawn towards the hard tests of the exercise; the code is the exercise's starter plus edits;
 * - quizzes of completed chapters are taken once (70%), twice or three times; each question is
 *   answered right with an item-response probability (difficulty and discrimination per question,
 *   a few questions deliberately weak), with partial credit on multi-part question types; stored
 *   results carry the real explanation text, as gradeQuiz stores it;
 * - lessons have one to three reading visits (LessonVisit).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../lib/db/create-client";
import type { CourseOutline } from "../lib/analytics/course";
import { loadCourseIndex } from "../lib/course/course-index";
import { exercises as registry } from "../exercises/registry";
import { validateQuiz, type Quiz } from "../lib/quiz/schema";
import { generateJoinCode } from "../lib/cohorts/join-code";
import type { ProgressRow } from "../lib/exercises/progress";
import { seededRandom } from "../lib/seeded-random";

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface SeedMaterial {
  outline: CourseOutline;
  quizzes: Map<string, Quiz>;
  tests: Map<string, string[]>;
  starters: Map<string, string>;
}

export async function loadSeedMaterial(root = path.join(__dirname, "..")): Promise<SeedMaterial> {
  const outline = loadCourseIndex().outline;
  const quizzes = new Map<string, Quiz>();
  for (const q of outline.quizzes) {
    const result = validateQuiz(JSON.parse(readFileSync(path.join(root, "content", "quizzes", `${q.id}.json`), "utf8")));
    if (result.ok) quizzes.set(q.id, result.quiz);
  }
  const tests = new Map<string, string[]>();
  const starters = new Map<string, string>();
  for (const entry of registry) {
    const spec = await entry.loadSpec();
    tests.set(entry.meta.id, spec.tests.map((t) => t.name));
    starters.set(entry.meta.id, readFileSync(path.join(root, "exercises", entry.meta.id, "starter.ts"), "utf8"));
  }
  return { outline, quizzes, tests, starters };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export interface SeedOptions {
  learners: number;
  /** The cohort's instructor (created if absent). */
  instructorId?: string;
  cohortName?: string;
  now?: Date;
  seed?: number;
  /** Rows per INSERT. */
  chunk?: number;
  /** Emails are `<prefix>-<n>@example.test`. */
  emailPrefix?: string;
}

export interface SeedResult {
  cohortId: string;
  instructorId: string;
  rows: Record<string, number>;
  ms: number;
}

const FIRST = ["Zoë", "Ñúñez", "Amara", "Bo", "Chen", "Dário", "Elif", "Farid", "Gosia", "Hana", "Iván", "Jūratė", "Kofi", "Lena", "Mei", "Noor", "Olu", "Priya", "Quinn", "Raúl", "Søren", "Tomás", "Uma", "Vikram", "Wen", "Yusuf"];
const LAST = ["Ñúñez", "Müller", "O'Brien", "Smith, Jr.", "Nakamura", "Kowalska", "Haddad", "Okafor", "Lindqvist", "García", "Dubois", "Ivanova", "=Formula", "Park", "Rossi", "Singh"];

export async function seedCohort(db: PrismaClient, material: SeedMaterial, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const random = seededRandom(options.seed ?? 42);
  const now = options.now ?? new Date();
  const chunk = options.chunk ?? 1000;
  const prefix = options.emailPrefix ?? `bench-${Date.now().toString(36)}`;
  const { outline, quizzes, tests, starters } = material;
  const rows: Record<string, number> = { users: 0, memberships: 0, lessons: 0, visits: 0, runs: 0, exerciseProgress: 0, quizAttempts: 0 };

  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];

  const instructorId =
    options.instructorId ??
    (await db.user.create({ data: { name: "Bench Instructor", email: `${prefix}-instructor@example.test`, role: "INSTRUCTOR" }, select: { id: true } })).id;
  const cohortStart = new Date(now.getTime() - 60 * DAY);
  const cohort = await db.cohort.create({
    data: {
      name: options.cohortName ?? `Benchmark cohort of ${options.learners}`,
      description: "Generated by bench/cohort-seed.ts",
      startsAt: cohortStart,
      joinCode: generateJoinCode(),
      createdById: instructorId,
      instructors: { create: { userId: instructorId } },
    },
    select: { id: true },
  });

  // Per-exercise ease and per-test difficulty; per-question difficulty and discrimination.
  const ease = new Map(outline.exercises.map((e) => [e.id, normal() * 0.6 + 0.3]));
  const items = new Map(
    outline.quizzes.map((q) => [
      q.id,
      q.questions.map((_, i) => ({ b: normal() * 0.9 - 0.9, a: i % 5 === 4 ? 0.15 + random() * 0.2 : 0.8 + random() * 1.4 })),
    ]),
  );

  type Buffers = {
    users: { id: string; name: string; email: string; role: "LEARNER"; track: "BUILDER" | "CONCEPT" }[];
    members: { cohortId: string; userId: string; joinedAt: Date }[];
    lessons: { userId: string; lessonSlug: string; status: "IN_PROGRESS" | "COMPLETE"; startedAt: Date; completedAt: Date | null; updatedAt: Date; timeSpentSeconds: number; lastSection: string | null }[];
    visits: { userId: string; visitId: string; lessonSlug: string; seconds: number; startedAt: Date; updatedAt: Date }[];
    runs: {
      userId: string;
      exerciseId: string;
      clientRunId: string;
      code: string;
      passed: boolean;
      testsPassed: number;
      testsTotal: number;
      results: object[];
      failingTest: string | null;
      durationMs: number;
      createdAt: Date;
      status: "verified_pass" | "verified_fail";
      verifiedAt: Date;
      claimedPassed: boolean;
      claimedTestsPassed: number;
      claimedTestsTotal: number;
      claimedResults: object[];
    }[];
    /** "ExerciseProgress" rows without the help columns (hints, solution viewed: left at their defaults). */
    progress: (Omit<ProgressRow, "hintsUsed" | "solutionViewedAt" | "firstAttemptAt" | "lastAttemptAt"> & { firstAttemptAt: Date; lastAttemptAt: Date })[];
    quizzes: { userId: string; quizId: string; clientAttemptId: string; seed: number; answers: object; results: object[]; score: number; maxScore: number; createdAt: Date }[];
  };
  const buf: Buffers = { users: [], members: [], lessons: [], visits: [], runs: [], progress: [], quizzes: [] };

  /** Writes full chunks (everything when `force`); users and memberships always go first, whole (foreign keys). */
  async function flush(force: boolean) {
    const write = async <K extends keyof Buffers>(key: K, insert: (data: Buffers[K]) => Promise<unknown>, counter: string, all: boolean) => {
      while (buf[key].length >= chunk || (all && buf[key].length > 0)) {
        const part = buf[key].splice(0, chunk) as Buffers[K];
        await insert(part);
        rows[counter] += part.length;
      }
    };
    await write("users", (data) => db.user.createMany({ data }), "users", true);
    await write("members", (data) => db.cohortMembership.createMany({ data }), "memberships", true);
    await write("lessons", (data) => db.lessonProgress.createMany({ data }), "lessons", force);
    await write("visits", (data) => db.lessonVisit.createMany({ data }), "visits", force);
    await write("runs", (data) => db.exerciseAttempt.createMany({ data }), "runs", force);
    await write("progress", (data) => db.exerciseProgress.createMany({ data }), "exerciseProgress", force);
    await write("quizzes", (data) => db.quizAttempt.createMany({ data }), "quizAttempts", force);
  }

  for (let n = 0; n < options.learners; n++) {
    const id = `bl${prefix.replace(/[^a-z0-9]/gi, "")}${n.toString(36).padStart(5, "0")}`;
    const joinedAt = new Date(cohortStart.getTime() + random() * 10 * DAY);
    const builder = random() < 0.7;
    buf.users.push({ id, name: `${pick(FIRST)} ${pick(LAST)} ${n}`, email: `${prefix}-${n}@example.test`, role: "LEARNER", track: builder ? "BUILDER" : "CONCEPT" });
    buf.members.push({ cohortId: cohort.id, userId: id, joinedAt });

    const skill = normal();
    // 8% never start, 30% drop out somewhere, the rest keep going (and are cut off by "now").
    const r = random();
    const reach = r < 0.08 ? 0 : r < 0.38 ? 1 + Math.floor(random() * (outline.lessons.length - 1)) : outline.lessons.length;
    const pace = (1 + random() * 4) * DAY;
    let t = joinedAt.getTime() + random() * 2 * DAY;
    const completed = new Set<string>();

    for (let k = 0; k < reach; k++) {
      const lesson = outline.lessons[k];
      if (t > now.getTime() - 5 * MINUTE) break;
      const startedAt = new Date(t);
      const last = k === reach - 1;
      const complete = !last || random() < 0.5;
      const minutes = 8 + random() * 25;
      const completedAt = complete ? new Date(Math.min(t + minutes * MINUTE, now.getTime())) : null;
      const visitCount = 1 + Math.floor(random() * 3);
      let spent = 0;
      for (let v = 0; v < visitCount; v++) {
        const seconds = Math.round(60 + random() * 840);
        spent += seconds;
        const vStart = new Date(Math.min(t + v * 3 * 3_600_000, now.getTime()));
        buf.visits.push({ userId: id, visitId: `v-${k}-${v}`, lessonSlug: lesson.slug, seconds, startedAt: vStart, updatedAt: new Date(Math.min(vStart.getTime() + seconds * 1000, now.getTime())) });
      }
      buf.lessons.push({
        userId: id,
        lessonSlug: lesson.slug,
        status: complete ? "COMPLETE" : "IN_PROGRESS",
        startedAt,
        completedAt,
        updatedAt: completedAt ?? new Date(Math.min(t + spent * 1000, now.getTime())),
        timeSpentSeconds: spent,
        lastSection: null,
      });
      if (complete) completed.add(lesson.slug);

      // Exercises of the lesson.
      if (builder) {
        let runAt = t + minutes * 0.5 * MINUTE;
        for (const exerciseId of lesson.exercises) {
          const names = tests.get(exerciseId) ?? ["the test"];
          const pRun = sigmoid(skill * 1.2 + (ease.get(exerciseId) ?? 0));
          const runs: Buffers["runs"] = [];
          let passedAt: number | null = null;
          let best = 0;
          for (let a = 0; a < 12; a++) {
            runAt += (1 + random() * 9) * MINUTE;
            if (runAt > now.getTime()) break;
            const pass = random() < pRun + a * 0.06;
            // The first failing test leans towards the later (harder) tests of the spec.
            const failAt = pass ? names.length : Math.min(names.length - 1, Math.floor(names.length * Math.sqrt(random())));
            const passedTests = pass ? names.length : Math.max(0, failAt - Math.floor(random() * 2));
            best = Math.max(best, passedTests);
            const results = names.map((name, i) =>
              pass || i < failAt
                ? { name, status: "pass", durationMs: Math.round(random() * 20) }
                : i === failAt
                  ? { name, status: "fail", message: `${name}: values differ (max abs error 0.41 > 1e-4)`, expected: "[0.0900, 0.2447, 0.6652]", actual: "[0.3333, 0.3333, 0.3333]", durationMs: 4 }
                  : { name, status: random() < 0.5 ? "fail" : "pass", durationMs: 3 },
            );
            const code = `${starters.get(exerciseId) ?? ""}\n// attempt ${a + 1}\n${"  const x = tf.tensor([1, 2, 3]);\n".repeat(1 + Math.floor(random() * 4))}`;
            runs.push({
              userId: id,
              exerciseId,
              clientRunId: `${id}-${exerciseId}-${a}`,
              code,
              passed: pass,
              testsPassed: pass ? names.length : results.filter((x) => x.status === "pass").length,
              testsTotal: names.length,
              results,
              failingTest: pass ? null : names[failAt],
              durationMs: Math.round(8 + random() * 30),
              createdAt: new Date(runAt),
              // Seeded runs stand for runs the server has already verified, with the same figures.
              status: pass ? "verified_pass" : "verified_fail",
              verifiedAt: new Date(runAt),
              claimedPassed: pass,
              claimedTestsPassed: pass ? names.length : results.filter((x) => x.status === "pass").length,
              claimedTestsTotal: names.length,
              claimedResults: results,
            });
            if (pass) {
              passedAt = runAt;
              if (random() < 0.1) continue; // runs it once more after passing
              break;
            }
            if (random() < 0.15) break; // gives up for now
          }
          if (runs.length === 0) continue;
          buf.runs.push(...runs);
          const firstPass = runs.findIndex((x) => x.passed);
          buf.progress.push({
            userId: id,
            exerciseId,
            attempts: runs.length,
            bestPassed: firstPass >= 0 ? names.length : Math.max(...runs.map((x) => x.testsPassed)),
            testsTotal: names.length,
            firstPassedAt: passedAt !== null && firstPass >= 0 ? runs[firstPass].createdAt : null,
            attemptsToPass: firstPass >= 0 ? firstPass + 1 : null,
            firstAttemptAt: runs[0].createdAt,
            lastAttemptAt: runs[runs.length - 1].createdAt,
          });
        }
      }

      // The chapter quiz, once the lesson that holds it is complete.
      if (lesson.quiz && complete) {
        const quiz = quizzes.get(lesson.quiz);
        const params = items.get(lesson.quiz) ?? [];
        if (quiz) {
          const attempts = random() < 0.7 ? 1 : random() < 0.83 ? 2 : 3;
          for (let a = 0; a < attempts; a++) {
            const at = Math.min(t + (minutes + 5 + a * 30) * MINUTE, now.getTime());
            const results = quiz.questions.map((q, i) => {
              const p = sigmoid(params[i].a * (skill + 0.6 * a - params[i].b));
              const partial = q.type === "multiple" || q.type === "ordering" || q.type === "matching";
              const credit = random() < p ? 1 : partial && random() < 0.5 ? Math.round(random() * 100) / 100 : 0;
              return {
                questionId: q.id,
                type: q.type,
                correct: credit === 1,
                credit,
                explanation: q.explanation,
                section: q.section,
                givenText: credit === 1 ? "(the correct answer)" : "(another answer)",
                correctAnswerText: "(the correct answer)",
              };
            });
            buf.quizzes.push({
              userId: id,
              quizId: quiz.id,
              clientAttemptId: `${id}-${quiz.id}-${a}`,
              seed: Math.floor(random() * 1e6),
              answers: {},
              results,
              score: Math.round(results.reduce((s, x) => s + x.credit, 0) * 100) / 100,
              maxScore: quiz.questions.length,
              createdAt: new Date(at),
            });
          }
        }
      }
      t += pace * (0.6 + random() * 0.8);
    }
    if ([buf.users, buf.lessons, buf.visits, buf.runs, buf.progress, buf.quizzes].some((b) => b.length >= chunk)) await flush(false);
  }
  await flush(true);
  return { cohortId: cohort.id, instructorId, rows, ms: Date.now() - started };
}

/**
 * `npx tsx bench/cohort-seed.ts <learners>`: a demo cohort taught by the demo instructor
 * (instructor@example.com) in the database given by DATABASE_URL (a development database:
 * never production). Useful to look at the dashboard with realistic numbers.
 */
async function main() {
  const { createPrismaClient } = await import("../lib/db/create-client");
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the development database to fill (the embedded one is printed by `npm run dev`).");
  const learners = Number(process.argv[2] ?? 200);
  const db = createPrismaClient(url);
  const instructor = await db.user.findUnique({ where: { email: "instructor@example.com" }, select: { id: true } });
  if (!instructor) throw new Error("No demo instructor: start the site once with `npm run dev` (it seeds the demo accounts).");
  const result = await seedCohort(db, await loadSeedMaterial(), { learners, instructorId: instructor.id, cohortName: `Demo cohort (${learners} learners)`, seed: Date.now() % 100000 });
  console.log(`cohort ${result.cohortId}: ${JSON.stringify(result.rows)} in ${result.ms} ms`);
  await db.$disconnect();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
