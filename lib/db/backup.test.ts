/**
 * Backups: a backup of a database in use, restored into a fresh one, gives back every learner's
 * progress exactly; a restore never overwrites data unless asked; a backup from a newer schema is
 * refused. Runs on the embedded database and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { createBackup, parseBackup, restoreBackup, type Backup } from "./backup";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..", "..");

let source: TestDatabase;
let target: TestDatabase;
let backup: Backup;

async function seedClassroom(t: TestDatabase) {
  const db = t.db;
  const instructor = await db.user.create({ data: { email: "ivo@example.test", name: "Ivo", role: "INSTRUCTOR" } });
  const cohort = await db.cohort.create({
    data: { name: "Autumn 2026", joinCode: "AUTUMN26", startsAt: new Date("2026-09-01T00:00:00Z"), createdById: instructor.id, instructors: { create: { userId: instructor.id } } },
  });
  for (const [i, name] of ["Ana", "Bo", "Cy"].entries()) {
    const user = await db.user.create({ data: { email: `${name.toLowerCase()}@example.test`, name, passwordHash: "$2b$10$abcdefghijklmnopqrstuv" } });
    await db.cohortMembership.create({ data: { cohortId: cohort.id, userId: user.id } });
    await db.lessonProgress.create({ data: { userId: user.id, lessonSlug: "what-is-ai", status: "COMPLETE", timeSpentSeconds: 300 + i, completedAt: new Date(`2026-11-0${i + 1}T10:00:00Z`) } });
    await db.quizAttempt.create({
      data: { userId: user.id, quizId: "foundations-quiz", clientAttemptId: `attempt-${i}`, seed: i, answers: { q: "a", nested: { list: [1, 2] } }, results: [{ questionId: "q", credit: 1 }], score: 7 + i, maxScore: 12 },
    });
  }
}

beforeAll(async () => {
  source = await startTestDatabase();
  target = await startTestDatabase();
  await seedClassroom(source);
  backup = await createBackup(source.url);
}, 120_000);

afterAll(async () => {
  await source?.stop();
  await target?.stop();
});

describe("database backups", () => {
  it("backs up every table with its rows and the applied migrations", () => {
    expect(backup.format).toBe("llm-academy-backup");
    expect(backup.tables.User).toHaveLength(4);
    expect(backup.tables.LessonProgress).toHaveLength(3);
    expect(backup.tables.QuizAttempt).toHaveLength(3);
    expect(backup.tables.CohortMembership).toHaveLength(3);
    expect(backup.tables._prisma_migrations).toBeUndefined();
    expect(backup.migrations.length).toBeGreaterThanOrEqual(2);
    // Parents before children, so a restore can insert in this order.
    const order = Object.keys(backup.tables);
    expect(order.indexOf("User")).toBeLessThan(order.indexOf("LessonProgress"));
    expect(order.indexOf("Cohort")).toBeLessThan(order.indexOf("CohortMembership"));
  });

  it("restores into an empty database and finds every learner's progress, exactly", async () => {
    const { rows } = await restoreBackup(target.url, backup);
    expect(rows.User).toBe(4);
    const progress = await target.db.lessonProgress.findMany({ orderBy: { timeSpentSeconds: "asc" }, include: { user: { select: { email: true } } } });
    expect(progress.map((p) => [p.user.email, p.lessonSlug, p.status, p.timeSpentSeconds, p.completedAt?.toISOString()])).toEqual([
      ["ana@example.test", "what-is-ai", "COMPLETE", 300, "2026-11-01T10:00:00.000Z"],
      ["bo@example.test", "what-is-ai", "COMPLETE", 301, "2026-11-02T10:00:00.000Z"],
      ["cy@example.test", "what-is-ai", "COMPLETE", 302, "2026-11-03T10:00:00.000Z"],
    ]);
    const attempt = await target.db.quizAttempt.findFirstOrThrow({ where: { clientAttemptId: "attempt-1" } });
    expect(attempt).toMatchObject({ score: 8, maxScore: 12, answers: { q: "a", nested: { list: [1, 2] } } });
    // Row for row, the restored database is the one backed up.
    const again = await createBackup(target.url);
    expect(again.tables).toEqual(backup.tables);
  });

  it("refuses to restore over existing data, and replaces it only with replace", async () => {
    await expect(restoreBackup(target.url, backup)).rejects.toThrow(/already has rows\. Restore into an empty database, or pass --replace/);
    await target.db.lessonProgress.deleteMany({});
    const { rows } = await restoreBackup(target.url, backup, { replace: true });
    expect(rows.LessonProgress).toBe(3);
    expect(await target.db.lessonProgress.count()).toBe(3);
  });

  it("refuses a backup taken by a newer version, and files that are not backups", async () => {
    await expect(restoreBackup(target.url, { ...backup, migrations: [...backup.migrations, "29990101000000_future"] }, { replace: true })).rejects.toThrow(
      /taken by a newer version of the site \(migrations 29990101000000_future are not applied here\)/,
    );
    expect(() => parseBackup({ hello: 1 })).toThrow(/not an LLM Academy backup/);
    expect(() => parseBackup({ ...backup, version: 9 })).toThrow(/format version 9/);
  });

  it("round-trips through the commands: npm run db:backup, then db:restore into another database", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "academy-backup-"));
    const file = path.join(dir, "backup.json");
    const env = { ...process.env, DATABASE_URL: source.url };
    const { stdout } = await run("npx", ["tsx", "scripts/backup.ts", "backup", "--out", file], { cwd: ROOT, env });
    expect(stdout).toMatch(/^Backed up \d+ rows from \d+ tables to /);
    expect(parseBackup(JSON.parse(readFileSync(file, "utf8"))).tables.User).toHaveLength(4);
    const restored = await run("npx", ["tsx", "scripts/backup.ts", "restore", file, "--replace"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: target.url } });
    expect(restored.stdout).toMatch(/^Restored \d+ rows/);
    await expect(run("npx", ["tsx", "scripts/backup.ts", "restore", file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: target.url } })).rejects.toMatchObject({
      stderr: expect.stringMatching(/already has rows/),
    });
  }, 120_000);
});
