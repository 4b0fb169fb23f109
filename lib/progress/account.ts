/**
 * A learner's own account data: track choice, the data export, and deleting the account.
 * Framework-free: takes the Prisma client. The user id always comes from the caller's session.
 */
import type { PrismaClient } from "../db/create-client";
import { HttpError } from "../http/errors";
import { accountKey } from "../auth/rate-limit";
import type { Track } from "./track";
import type { Locale } from "../i18n/locales";

/** Switching track changes only User.track: no progress row is read or written. */
export async function setTrack(db: PrismaClient, userId: string, track: Track): Promise<Track> {
  const result = await db.user.updateMany({ where: { id: userId }, data: { track } });
  if (result.count === 0) throw new HttpError(401, "Your account no longer exists. Sign in again.");
  return track;
}

/** Stores the interface language the user chose (the language switch calls it; sign-in applies it). */
export async function setLocale(db: PrismaClient, userId: string, locale: Locale): Promise<Locale> {
  const result = await db.user.updateMany({ where: { id: userId }, data: { locale } });
  if (result.count === 0) throw new HttpError(401, "Your account no longer exists. Sign in again.");
  return locale;
}

export async function getProfile(db: PrismaClient, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, track: true, locale: true, createdAt: true },
  });
  if (!user) throw new HttpError(401, "Your account no longer exists. Sign in again.");
  return user;
}

export const EXPORT_FORMAT = "llm-academy-export/1";

/**
 * Everything stored about the learner, as JSON-ready data: profile (never the password hash),
 * linked sign-in providers, lesson progress and visits, exercise drafts, attempts and progress,
 * quiz attempts, cohort memberships and capstone training runs. Every query is filtered by `userId`.
 */
export async function exportUserData(db: PrismaClient, userId: string, now = new Date()) {
  const where = { userId };
  const [profile, accounts, lessonProgress, lessonVisits, exerciseDrafts, exerciseAttempts, exerciseProgress, quizAttempts, cohorts, capstoneRuns] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, role: true, track: true, image: true, emailVerified: true, createdAt: true, updatedAt: true },
    }),
    db.account.findMany({ where, select: { provider: true, type: true }, orderBy: { provider: "asc" } }),
    db.lessonProgress.findMany({ where, omit: { userId: true }, orderBy: { startedAt: "asc" } }),
    db.lessonVisit.findMany({ where, omit: { userId: true }, orderBy: { startedAt: "asc" } }),
    db.exerciseDraft.findMany({ where, omit: { userId: true }, orderBy: { exerciseId: "asc" } }),
    db.exerciseAttempt.findMany({ where, omit: { userId: true }, orderBy: { createdAt: "asc" } }),
    db.exerciseProgress.findMany({ where, omit: { userId: true }, orderBy: { exerciseId: "asc" } }),
    db.quizAttempt.findMany({ where, omit: { userId: true }, orderBy: { createdAt: "asc" } }),
    db.cohortMembership.findMany({ where, select: { joinedAt: true, cohort: { select: { id: true, name: true } } }, orderBy: { joinedAt: "asc" } }),
    db.capstoneRun.findMany({ where, omit: { userId: true }, orderBy: { createdAt: "asc" } }),
  ]);
  if (!profile) throw new HttpError(401, "Your account no longer exists. Sign in again.");
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    profile,
    signInProviders: accounts,
    lessonProgress,
    lessonVisits,
    exerciseDrafts,
    exerciseAttempts,
    exerciseProgress,
    quizAttempts,
    cohortMemberships: cohorts.map((m) => ({ cohortId: m.cohort.id, cohortName: m.cohort.name, joinedAt: m.joinedAt })),
    capstoneRuns,
  };
}

export type UserExport = Awaited<ReturnType<typeof exportUserData>>;

/**
 * Deletes the learner's account and, through the schema's cascades, all their progress, drafts,
 * attempts, quiz attempts, memberships and linked sign-ins; also their recent failed sign-ins.
 * The learner confirms by typing their email address (case and surrounding spaces ignored).
 */
export async function deleteAccount(db: PrismaClient, userId: string, confirmEmail: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, _count: { select: { cohortsCreated: true } } } });
  if (!user) throw new HttpError(401, "Your account no longer exists. Sign in again.");
  if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new HttpError(422, "The email address you typed does not match your account. Nothing was deleted.");
  }
  if (user._count.cohortsCreated > 0) {
    throw new HttpError(409, "You created cohorts that other people use. Hand them to another instructor or delete them first, then delete your account.");
  }
  await db.$transaction([
    db.signInFailure.deleteMany({ where: { key: accountKey(user.email) } }),
    db.user.delete({ where: { id: userId } }),
  ]);
}
