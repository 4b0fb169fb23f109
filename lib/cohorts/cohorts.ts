/**
 * Cohorts as their instructors manage them: create, list, read, update (dates, joining open or
 * closed), rotate the join code, co-instructors, removing a learner. Every function takes
 * (db, user, ids...) and checks the permission and the record itself (lib/cohorts/access.ts),
 * so routes stay thin and the rules are tested against the database directly.
 * Framework-free; throws HttpError (4xx) or ZodError (422) for what the caller got wrong.
 */
import type { PrismaClient } from "../db/create-client";
import { forbidden, HttpError, notFound } from "../http/errors";
import { authorizeCohort, requireCan, type Actor, COHORT_NOT_FOUND, LEARNER_NOT_FOUND } from "./access";
import { COHORT_SUMMARY_FIELDS } from "./cohort-select";
import { formatJoinCode, generateJoinCode, joinPath } from "./join-code";
import { addInstructorSchema, createCohortSchema, updateCohortSchema } from "./schemas";

export interface CohortSummary {
  id: string;
  name: string;
  description: string;
  startsAt: Date;
  endsAt: Date | null;
  joinOpen: boolean;
  memberCount: number;
  /** Whether the asking user teaches it (admins also see cohorts they do not teach). */
  teaches: boolean;
}

/** The join code, for those who teach the cohort (an admin's read-only view has no use for it). */
export interface JoinCodeView {
  /** Stored form ("K7QXM3PA"). */
  joinCode: string;
  /** Display form ("K7QX-M3PA"). */
  joinCodeDisplay: string;
  /** Site-relative join link. */
  joinPath: string;
}

export interface CohortDetails extends CohortSummary, Partial<JoinCodeView> {
  createdAt: Date;
  instructors: { id: string; name: string; email: string }[];
}

/** Details with the join code: what those who teach the cohort see. */
export type TeacherCohortDetails = CohortDetails & JoinCodeView;

export const hasJoinCode = (cohort: CohortDetails): cohort is TeacherCohortDetails => typeof cohort.joinCode === "string";

/** For writes only a teacher makes (create, rotate): their answer always carries the code. */
function teacherView(cohort: CohortDetails): TeacherCohortDetails {
  if (!hasJoinCode(cohort)) throw forbidden();
  return cohort;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/** Retries with a fresh code in the (astronomically unlikely) event of a collision. */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

export async function createCohort(db: PrismaClient, user: Actor, input: unknown): Promise<TeacherCohortDetails> {
  requireCan(user, "create:cohort:any");
  const data = createCohortSchema.parse(input);
  const created = await withFreshCode((joinCode) =>
    db.cohort.create({
      data: {
        name: data.name,
        description: data.description,
        startsAt: data.startsAt,
        endsAt: data.endsAt ?? null,
        joinCode,
        createdById: user.id,
        instructors: { create: { userId: user.id } },
      },
      select: { id: true },
    }),
  );
  return teacherView(await getCohortDetails(db, user, created.id));
}

/** Cohorts the user teaches, newest first; for an admin (`read:cohort:any`) every cohort. */
export async function listCohorts(db: PrismaClient, user: Actor): Promise<CohortSummary[]> {
  requireCan(user, "manage:cohort:cohort");
  const all = user.role === "ADMIN";
  const rows = await db.cohort.findMany({
    where: all ? {} : { instructors: { some: { userId: user.id } } },
    orderBy: [{ startsAt: "desc" }, { createdAt: "desc" }],
    select: {
      ...COHORT_SUMMARY_FIELDS,
      _count: { select: { members: true } },
      instructors: { where: { userId: user.id }, select: { userId: true } },
    },
  });
  return rows.map(({ _count, instructors, ...cohort }) => ({ ...cohort, memberCount: _count.members, teaches: instructors.length > 0 }));
}

export async function getCohortDetails(db: PrismaClient, user: Actor, cohortId: string): Promise<CohortDetails> {
  const { teaches } = await authorizeCohort(db, user, cohortId, "read:progress:cohort");
  const c = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      ...COHORT_SUMMARY_FIELDS,
      joinCode: true,
      createdAt: true,
      _count: { select: { members: true } },
      instructors: { orderBy: { addedAt: "asc" }, select: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!c) throw notFound(COHORT_NOT_FOUND, { code: "cohortNotFound" });
  const { _count, instructors, joinCode, ...summary } = c;
  return {
    ...summary,
    memberCount: _count.members,
    teaches,
    // Only those who teach it hand the code out; anyone else holding it could join or pass it on.
    ...(teaches ? { joinCode, joinCodeDisplay: formatJoinCode(joinCode), joinPath: joinPath(joinCode) } : {}),
    instructors: instructors.map((i) => i.user),
  };
}

export async function updateCohort(db: PrismaClient, user: Actor, cohortId: string, input: unknown): Promise<CohortDetails> {
  await authorizeCohort(db, user, cohortId, "manage:cohort:cohort");
  const patch = updateCohortSchema.parse(input);
  // A change of only one date must still leave the end on or after the start.
  if ((patch.startsAt && patch.endsAt === undefined) || (patch.endsAt && !patch.startsAt)) {
    const current = await db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { startsAt: true, endsAt: true } });
    const startsAt = patch.startsAt ?? current.startsAt;
    const endsAt = patch.endsAt === undefined ? current.endsAt : patch.endsAt;
    if (endsAt && endsAt < startsAt) throw new HttpError(422, "endsAt: the end date is before the start date", { code: "fieldEndsAt" });
  }
  await db.cohort.update({ where: { id: cohortId }, data: patch });
  return getCohortDetails(db, user, cohortId);
}

/** A new join code; the old one stops working at once (existing members stay). */
export async function rotateJoinCode(db: PrismaClient, user: Actor, cohortId: string): Promise<TeacherCohortDetails> {
  await authorizeCohort(db, user, cohortId, "manage:cohort:cohort");
  await withFreshCode((joinCode) => db.cohort.update({ where: { id: cohortId }, data: { joinCode } }));
  return teacherView(await getCohortDetails(db, user, cohortId));
}

/** Adds an existing instructor (or admin) account, found by email, as a co-instructor. Idempotent. */
export async function addInstructor(db: PrismaClient, user: Actor, cohortId: string, input: unknown): Promise<CohortDetails> {
  await authorizeCohort(db, user, cohortId, "manage:cohort:cohort");
  const { email } = addInstructorSchema.parse(input);
  const other = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  // One message whether the account is missing or is a learner's: instructors cannot probe who has an account.
  if (!other || other.role === "LEARNER") {
    throw new HttpError(
      404,
      `There is no instructor account with the email ${email}. An admin can make an existing account an instructor on the admin page.`,
      { code: "noInstructorAccount", values: { email } },
    );
  }
  await db.cohortInstructor.createMany({ data: [{ cohortId, userId: other.id }], skipDuplicates: true });
  return getCohortDetails(db, user, cohortId);
}

/** Removes a co-instructor (or oneself). A cohort always keeps at least one instructor. */
export async function removeInstructor(db: PrismaClient, user: Actor, cohortId: string, instructorId: string): Promise<CohortDetails | null> {
  await authorizeCohort(db, user, cohortId, "manage:cohort:cohort");
  await db.$transaction(async (tx) => {
    // Lock the cohort's instructor rows so two removals at once cannot leave it with none.
    const rows = await tx.$queryRaw<{ userId: string }[]>`
      SELECT "userId" FROM "CohortInstructor" WHERE "cohortId" = ${cohortId} FOR UPDATE`;
    if (!rows.some((r) => r.userId === instructorId)) throw notFound("That person is not an instructor of this cohort.", { code: "notAnInstructor" });
    if (rows.length === 1) throw new HttpError(409, "A cohort needs at least one instructor: add another instructor before removing this one.", { code: "lastInstructor" });
    await tx.cohortInstructor.delete({ where: { cohortId_userId: { cohortId, userId: instructorId } } });
  });
  // Having removed themselves, the user may no longer see the cohort.
  if (instructorId === user.id && user.role !== "ADMIN") return null;
  return getCohortDetails(db, user, cohortId);
}

/** Removes a learner from the cohort. Their progress in the course is theirs and stays. */
export async function removeMember(db: PrismaClient, user: Actor, cohortId: string, learnerId: string): Promise<void> {
  await authorizeCohort(db, user, cohortId, "manage:cohort:cohort");
  const { count } = await db.cohortMembership.deleteMany({ where: { cohortId, userId: learnerId } });
  if (count === 0) throw notFound(LEARNER_NOT_FOUND, { code: "learnerNotFound" });
}
