/** The roster and the progress matrix as CSV documents (see csv.ts for the format). Pure. */
import { toCsv, type CsvValue } from "./csv";
import { cellText, type MatrixPage } from "./matrix";
import type { RosterRow } from "./roster";

const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
const timeOf = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "");

export const ROSTER_HEADER = [
  "Name",
  "Email",
  "Track",
  "Joined",
  "Last activity",
  "Completion %",
  "Items done",
  "Items counted",
  "Lessons complete",
  "Exercises passed",
  "Quizzes passed",
  "Quizzes taken",
  "Average quiz score %",
] as const;

export function rosterCsv(roster: readonly RosterRow[]): string {
  const rows: CsvValue[][] = roster.map((r) => [
    r.name,
    r.email,
    r.track === "BUILDER" ? "builder" : "concept",
    dayOf(r.joinedAt),
    timeOf(r.lastActivity),
    r.completion.percent,
    r.completion.done,
    r.completion.total,
    r.completion.lessonsDone,
    r.completion.exercisesPassed,
    r.completion.quizzesPassed,
    r.completion.quizzesTaken,
    r.completion.averageQuizPercent,
  ]);
  return toCsv(ROSTER_HEADER, rows);
}

/** Header cells name the item in full ("Exercise: Softmax that never overflows"), one column per item. */
export function matrixCsv(matrix: MatrixPage): string {
  const kind = { lesson: "Lesson", exercise: "Exercise", quiz: "Quiz" } as const;
  const header = ["Name", "Email", ...matrix.columns.map((c) => `${kind[c.kind]}: ${c.title}`)];
  const rows: CsvValue[][] = matrix.rows.map((r) => [r.learner.name, r.learner.email, ...r.cells.map(cellText)]);
  return toCsv(header, rows);
}
