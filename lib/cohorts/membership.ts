/**
 * Cohorts as learners meet them: look up a join code, join, list the cohorts one belongs to,
 * leave. A learner sees only their own memberships and their cohorts' names (and who teaches
 * them), never other members. Framework-free.
 */
import type { PrismaClient } from "../db/create-client";
import { HttpError, notFound } from "../http/errors";
import { requireCan, type Actor } from "./access";
import { COHORT_SUMMARY_FIELDS } from "./cohort-select";
import { isWellFormedJoinCode, normalizeJoinCode } from "./join-code";
import { joinSchema } from "./schemas";

export type JoinCodeLookup =
  | { status: "invalid"; message: string }
  | { status: "closed"; message: string; cohort: { name: string } }
  | { status: "ended"; message: string; cohort: { name: string }; endsAt: Date }
  | {
      status: "open";
      cohort: { id: string; name: string; description: string; startsAt: Date; endsAt: Date | null; instructors: string[] };
    };

export const WRONG_CODE =
  "That join code does not match any cohort. Check it with your instructor: codes are 8 letters and digits, and a code stops working when the instructor replaces it.";
export const CLOSED_CODE = "This cohort is not accepting new members at the moment. Ask your instructor to open joining again.";

function endedMessage(endsAt: Date): string {
  return `This cohort ended on ${endsAt.toISOString().slice(0, 10)} and no longer accepts new members.`;
}

/** What a join code leads to. Reveals a cohort's name and instructors only to someone holding its current code. */
export async function lookupJoinCode(db: PrismaClient, rawCode: string, now = new Date()): Promise<JoinCodeLookup> {
  const code = normalizeJoinCode(rawCode);
  if (!isWellFormedJoinCode(code)) return { status: "invalid", message: WRONG_CODE };
  const cohort = await db.cohort.findUnique({
    where: { joinCode: code },
    select: {
      ...COHORT_SUMMARY_FIELDS,
      instructors: { orderBy: { addedAt: "asc" }, select: { user: { select: { name: true } } } },
    },
  });
  if (!cohort) return { status: "invalid", message: WRONG_CODE };
  if (!cohort.joinOpen) return { status: "closed", message: CLOSED_CODE, cohort: { name: cohort.name } };
  if (cohort.endsAt && endOfDay(cohort.endsAt) < now) return { status: "ended", message: endedMessage(cohort.endsAt), cohort: { name: cohort.name }, endsAt: cohort.endsAt };
  return {
    status: "open",
    cohort: {
      id: cohort.id,
      name: cohort.name,
      description: cohort.description,
      startsAt: cohort.startsAt,
      endsAt: cohort.endsAt,
      instructors: cohort.instructors.map((i) => i.user.name),
    },
  };
}

/** Cohort end dates are calendar days: the cohort is open through the whole of its last day (UTC). */
function endOfDay(day: Date): Date {
  return new Date(day.getTime() + 24 * 60 * 60 * 1000 - 1);
}

export interface JoinResult {
  cohort: { id: string; name: string };
  /** False when the learner was already a member (joining twice changes nothing). */
  joined: boolean;
}

export async function joinCohort(db: PrismaClient, user: Actor, input: unknown, now = new Date()): Promise<JoinResult> {
  requireCan(user, "join:cohort:any");
  const { code } = joinSchema.parse(input);
  const found = await lookupJoinCode(db, code, now);
  if (found.status === "invalid") throw notFound(found.message, { code: "wrongCode" });
  if (found.status === "closed") throw new HttpError(409, found.message, { code: "closed" });
  if (found.status === "ended") throw new HttpError(409, found.message, { code: "ended", values: { day: found.endsAt.toISOString().slice(0, 10) } });
  const cohort = found.cohort;
  const teaching = await db.cohortInstructor.findUnique({
    where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } },
    select: { userId: true },
  });
  if (teaching) throw new HttpError(409, "You teach this cohort, so you cannot also join it as a learner.", { code: "teachesCohort" });
  const { count } = await db.cohortMembership.createMany({ data: [{ cohortId: cohort.id, userId: user.id }], skipDuplicates: true });
  return { cohort: { id: cohort.id, name: cohort.name }, joined: count === 1 };
}

export interface MyCohort {
  id: string;
  name: string;
  joinedAt: Date;
  instructors: string[];
}

/** The cohorts the user belongs to as a learner: names and teachers only. */
export async function listMyCohorts(db: PrismaClient, user: Actor): Promise<MyCohort[]> {
  requireCan(user, "read:progress:own");
  const rows = await db.cohortMembership.findMany({
    where: { userId: user.id },
    orderBy: { joinedAt: "desc" },
    select: {
      joinedAt: true,
      cohort: { select: { id: true, name: true, instructors: { orderBy: { addedAt: "asc" }, select: { user: { select: { name: true } } } } } },
    },
  });
  return rows.map((r) => ({ id: r.cohort.id, name: r.cohort.name, joinedAt: r.joinedAt, instructors: r.cohort.instructors.map((i) => i.user.name) }));
}

/** The learner leaves a cohort (their progress stays theirs). 404 if they were not in it. */
export async function leaveCohort(db: PrismaClient, user: Actor, cohortId: string): Promise<void> {
  requireCan(user, "join:cohort:any");
  const { count } = await db.cohortMembership.deleteMany({ where: { cohortId, userId: user.id } });
  if (count === 0) throw notFound("You are not a member of that cohort.", { code: "notMember" });
}
