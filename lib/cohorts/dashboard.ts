/**
 * The cohort dashboard's reads, each behind its authorization check: pages and routes call
 * these, never lib/analytics/ directly, so no read can skip the check.
 * - cohort-wide views need `read:progress:cohort` on the cohort;
 * - a learner's timeline needs `read:progress:cohort` and the learner in THIS cohort;
 * - their code and quiz answers need `read:submission:cohort` and the learner in THIS cohort.
 * Framework-free: (db, user, ids, outline).
 */
import type { PrismaClient } from "../db/create-client";
import type { CourseOutline } from "../analytics/course";
import { getRoster, type RosterRow } from "../analytics/roster";
import { getMatrixPage, type MatrixPage, type MatrixQuery } from "../analytics/matrix";
import { getExerciseAnalytics, type ExerciseStats } from "../analytics/exercises";
import { getItemAnalysis, type QuizItemAnalysis } from "../analytics/items";
import { getStuckLearners, inactiveFromRoster, type NeedsAttention } from "../analytics/attention";
import { getActivity, type ActivityDay } from "../analytics/activity";
import { completionDistribution } from "../analytics/completion";
import { getLatestSubmission, getLearnerOverview, getQuizAnswers, type LearnerOverview, type QuizAnswers, type Submission } from "../analytics/learner";
import { rosterCsv, matrixCsv } from "../analytics/export";
import { fileSlug } from "../analytics/csv";
import { authorizeCohort, authorizeLearner, type Actor } from "./access";

export async function cohortRoster(db: PrismaClient, user: Actor, cohortId: string, outline: CourseOutline): Promise<RosterRow[]> {
  await authorizeCohort(db, user, cohortId, "read:progress:cohort");
  return getRoster(db, cohortId, outline);
}

export interface CohortOverview {
  roster: RosterRow[];
  attention: NeedsAttention;
  activity: ActivityDay[];
  distribution: { label: string; count: number }[];
}

/**
 * Roster, needs attention, activity and the completion distribution: the overview tab. The
 * inactive learners come from the roster's last activity (same rule as getNeedsAttention), so
 * the page makes four queries: authorization, roster, stuck learners, activity.
 */
export async function cohortOverview(db: PrismaClient, user: Actor, cohortId: string, outline: CourseOutline, now = new Date()): Promise<CohortOverview> {
  const cohort = await authorizeCohort(db, user, cohortId, "read:progress:cohort");
  const [roster, stuck, activity] = await Promise.all([
    getRoster(db, cohortId, outline),
    getStuckLearners(db, cohortId),
    getActivity(db, cohortId, { now }),
  ]);
  return {
    roster,
    attention: { inactive: inactiveFromRoster(roster, cohort.startsAt, now), stuck },
    activity,
    distribution: completionDistribution(roster.map((r) => r.completion)),
  };
}

export async function cohortMatrix(db: PrismaClient, user: Actor, cohortId: string, outline: CourseOutline, query: MatrixQuery): Promise<MatrixPage> {
  await authorizeCohort(db, user, cohortId, "read:progress:cohort");
  return getMatrixPage(db, cohortId, outline, query);
}

export async function cohortExerciseAnalytics(db: PrismaClient, user: Actor, cohortId: string, outline: CourseOutline): Promise<ExerciseStats[]> {
  await authorizeCohort(db, user, cohortId, "read:progress:cohort");
  return getExerciseAnalytics(db, cohortId, outline);
}

export async function cohortItemAnalysis(db: PrismaClient, user: Actor, cohortId: string, outline: CourseOutline): Promise<QuizItemAnalysis[]> {
  await authorizeCohort(db, user, cohortId, "read:progress:cohort");
  return getItemAnalysis(db, cohortId, outline);
}

export async function learnerOverview(
  db: PrismaClient,
  user: Actor,
  cohortId: string,
  learnerId: string,
  outline: CourseOutline,
): Promise<LearnerOverview> {
  const { joinedAt } = await authorizeLearner(db, user, cohortId, learnerId, "read:progress:cohort");
  return getLearnerOverview(db, learnerId, joinedAt, outline);
}

/**
 * A read of a learner's own work, one item of it (their code for an exercise, their answers to a
 * quiz): needs `read:submission:cohort` and the learner in THIS cohort.
 */
function learnerWork<T>(read: (db: PrismaClient, learnerId: string, itemId: string, outline: CourseOutline) => Promise<T>) {
  return async (db: PrismaClient, user: Actor, cohortId: string, learnerId: string, itemId: string, outline: CourseOutline): Promise<T> => {
    await authorizeLearner(db, user, cohortId, learnerId, "read:submission:cohort");
    return read(db, learnerId, itemId, outline);
  };
}

/** The learner's latest code for an exercise, with its test results. */
export const learnerSubmission = learnerWork<Submission>(getLatestSubmission);
/** The learner's attempts at a quiz, with their answers. */
export const learnerQuizAnswers = learnerWork<QuizAnswers>(getQuizAnswers);

export interface CsvDownload {
  filename: string;
  body: string;
}

export async function rosterExport(db: PrismaClient, user: Actor, cohortId: string, outline: CourseOutline, now = new Date()): Promise<CsvDownload> {
  const cohort = await authorizeCohort(db, user, cohortId, "read:progress:cohort");
  const roster = await getRoster(db, cohortId, outline);
  return { filename: `${fileSlug(cohort.name)}-roster-${now.toISOString().slice(0, 10)}.csv`, body: rosterCsv(roster) };
}

export async function matrixExport(db: PrismaClient, user: Actor, cohortId: string, outline: CourseOutline, now = new Date()): Promise<CsvDownload> {
  const cohort = await authorizeCohort(db, user, cohortId, "read:progress:cohort");
  const matrix = await getMatrixPage(db, cohortId, outline, { pageSize: "all" });
  return { filename: `${fileSlug(cohort.name)}-progress-${now.toISOString().slice(0, 10)}.csv`, body: matrixCsv(matrix) };
}
