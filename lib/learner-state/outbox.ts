/**
 * One outbox per signed-in learner (`academy:outbox:<userId>`): every write the server has not
 * confirmed yet, lesson reports and exercise runs alike. A write is stored before it is sent and
 * removed when the server answers, so a reload, a closed tab or a lost connection loses nothing.
 *
 * One retry policy for all of it (deliveryOutcome): offline, signed out or rate-limited means
 * "later" (keep it, stop sending for now); a server error counts against the entry and, after
 * MAX_SERVER_FAILURES, the entry is dropped with a note the learner sees, so one bad item never
 * blocks the ones behind it; any other refusal drops it at once, with a note.
 */
import type { AttemptInput } from "@/lib/exercises/attempt-input";
import { cleanMergeLesson, type MergeLesson } from "./lessons";
import { isObject, KEYS, readJson, writeList, type StorageLike } from "./storage";

export type RunAttempt = AttemptInput & { createdAt: number };

export type OutboxEntry = ({ kind: "lesson"; lesson: MergeLesson } | { kind: "run"; exerciseId: string; attempt: RunAttempt }) & {
  /** Server errors so far (5xx). */
  failures?: number;
};

/** A write the outbox gave up on, shown to the learner until dismissed. */
export interface DroppedNote {
  /** In English, as an English page shows it: "A test run of “softmax” (2026-12-03 10:00 UTC)". */
  what: string;
  /** The server's English sentence (and how often it failed). */
  reason: string;
  at: number;
  /** The same as data, for pages in other languages to word (notes written before this have none). */
  subject?: { kind: "run" | "lesson"; id: string; when: number };
  failure?: { status: number; failures?: number };
}

export const MAX_OUTBOX_ENTRIES = 600;
export const MAX_SERVER_FAILURES = 3;
const MAX_NOTES = 20;

/** What the server's answer means for a queued write. */
export type Delivery = "sent" | "later" | "failed" | "rejected";

export function deliveryOutcome(status: number | "unreachable"): Delivery {
  if (status === "unreachable") return "later";
  if (status >= 200 && status < 300) return "sent";
  // Signed out (a new sign-in sends it), timed out, or asked to slow down: it may succeed later.
  if (status === 401 || status === 408 || status === 429) return "later";
  if (status >= 500) return "failed";
  return "rejected"; // the write itself is wrong: sending it again cannot help
}

function cleanEntry(value: unknown): OutboxEntry | null {
  if (!isObject(value)) return null;
  const failures = typeof value.failures === "number" && value.failures > 0 ? Math.floor(value.failures) : undefined;
  if (value.kind === "run") {
    const attempt = value.attempt;
    if (typeof value.exerciseId !== "string" || !isObject(attempt) || typeof attempt.clientRunId !== "string") return null;
    return { kind: "run", exerciseId: value.exerciseId, attempt: attempt as RunAttempt, ...(failures ? { failures } : {}) };
  }
  // A lesson entry, or a bare lesson report as stored before runs shared the outbox.
  const lesson = cleanMergeLesson(value.kind === "lesson" ? value.lesson : value);
  return lesson ? { kind: "lesson", lesson, ...(failures ? { failures } : {}) } : null;
}

/** Runs that waited in the old per-browser run outbox move into their learner's outbox. */
function adoptLegacyRuns(storage: StorageLike, userId: string, entries: OutboxEntry[]): boolean {
  const legacy = readJson(storage, KEYS.legacyRunOutbox);
  if (!Array.isArray(legacy)) return false;
  const mine = legacy.filter((e) => isObject(e) && e.userId === userId);
  if (mine.length === 0) return false;
  for (const e of mine) {
    const entry = cleanEntry({ ...e, kind: "run" });
    if (entry?.kind === "run" && !entries.some((x) => x.kind === "run" && x.attempt.clientRunId === entry.attempt.clientRunId)) entries.push(entry);
  }
  writeList(storage, KEYS.legacyRunOutbox, legacy.filter((e) => !mine.includes(e)));
  return true;
}

export function readOutbox(storage: StorageLike, userId: string): OutboxEntry[] {
  const raw = readJson(storage, KEYS.outbox(userId));
  const entries = Array.isArray(raw) ? raw.map(cleanEntry).filter((e): e is OutboxEntry => e !== null) : [];
  if (adoptLegacyRuns(storage, userId, entries)) writeOutbox(storage, userId, entries);
  return entries;
}

export function writeOutbox(storage: StorageLike, userId: string, entries: readonly OutboxEntry[]): boolean {
  return writeList(storage, KEYS.outbox(userId), entries.slice(-MAX_OUTBOX_ENTRIES));
}

export const outboxLessons = (entries: readonly OutboxEntry[]): MergeLesson[] => entries.flatMap((e) => (e.kind === "lesson" ? [e.lesson] : []));
export const outboxRuns = (entries: readonly OutboxEntry[]) => entries.flatMap((e) => (e.kind === "run" ? [e] : []));

/**
 * Keeps a lesson report that could not be sent. Reports of one lesson and visit are folded
 * together: completion and the earliest times kept, the latest section, the largest seconds.
 */
export function addLessonReport(storage: StorageLike, userId: string, report: MergeLesson): void {
  const entries = readOutbox(storage, userId);
  const visitOf = (l: MergeLesson) => l.time?.visitId ?? "";
  const same = entries.find((e): e is Extract<OutboxEntry, { kind: "lesson" }> => e.kind === "lesson" && e.lesson.slug === report.slug && visitOf(e.lesson) === visitOf(report))?.lesson;
  if (!same) entries.push({ kind: "lesson", lesson: report });
  else {
    if (report.status === "complete") {
      same.status = "complete";
      same.completedAt = Math.min(same.completedAt ?? Infinity, report.completedAt ?? report.updatedAt);
    }
    if (report.section !== undefined && report.updatedAt >= same.updatedAt) same.section = report.section;
    if (report.startedAt !== undefined) same.startedAt = Math.min(same.startedAt ?? Infinity, report.startedAt);
    if (report.time && same.time) same.time.seconds = Math.max(same.time.seconds, report.time.seconds);
    same.updatedAt = Math.max(same.updatedAt, report.updatedAt);
  }
  writeOutbox(storage, userId, entries);
}

/** Keeps a run until the server confirms it. A run already waiting keeps its place. */
export function addRun(storage: StorageLike, userId: string, exerciseId: string, attempt: RunAttempt): boolean {
  const entries = readOutbox(storage, userId);
  if (entries.some((e) => e.kind === "run" && e.attempt.clientRunId === attempt.clientRunId)) return true;
  entries.push({ kind: "run", exerciseId, attempt });
  return writeOutbox(storage, userId, entries);
}

const isEntry = (a: OutboxEntry, b: OutboxEntry) => (a.kind === "run" && b.kind === "run" ? a.attempt.clientRunId === b.attempt.clientRunId : JSON.stringify(a) === JSON.stringify(b));

/** Removes entries (compared by run id, or by content for lesson reports). */
export function removeEntries(storage: StorageLike, userId: string, done: (entry: OutboxEntry) => boolean): void {
  const entries = readOutbox(storage, userId);
  const kept = entries.filter((e) => !done(e));
  if (kept.length !== entries.length) writeOutbox(storage, userId, kept);
}

export function removeRun(storage: StorageLike, userId: string, clientRunId: string): void {
  removeEntries(storage, userId, (e) => e.kind === "run" && e.attempt.clientRunId === clientRunId);
}

/** Whether this learner has a passing run of the exercise still waiting to reach the server. */
export function hasPendingPass(storage: StorageLike, userId: string, exerciseId: string): boolean {
  return readOutbox(storage, userId).some((e) => e.kind === "run" && e.exerciseId === exerciseId && e.attempt.passed);
}

export function describeEntry(entry: OutboxEntry): string {
  const { kind, id, when } = subjectOf(entry);
  const at = new Date(when).toISOString().slice(0, 16).replace("T", " ");
  return kind === "run" ? `A test run of “${id}” (${at} UTC)` : `Your progress on the lesson “${id}” (${at} UTC)`;
}

function subjectOf(entry: OutboxEntry): NonNullable<DroppedNote["subject"]> {
  return entry.kind === "run"
    ? { kind: "run", id: entry.exerciseId, when: new Date(entry.attempt.createdAt).getTime() }
    : { kind: "lesson", id: entry.lesson.slug, when: new Date(entry.lesson.updatedAt).getTime() };
}

/** Drops an entry for good and leaves a note for the learner. */
export function dropEntry(storage: StorageLike, userId: string, entry: OutboxEntry, reason: string, failure: DroppedNote["failure"], now = Date.now()): void {
  removeEntries(storage, userId, (e) => isEntry(e, entry));
  const notes = readDroppedNotes(storage, userId);
  notes.push({ what: describeEntry(entry), reason, at: now, subject: subjectOf(entry), failure });
  writeList(storage, KEYS.outboxNotes(userId), notes.slice(-MAX_NOTES));
}

/**
 * Applies the server's answer to one queued entry. Returns what the sender should do next:
 * "continue" with the next entry, or "stop" (offline, signed out: try again later).
 */
export function settleEntry(storage: StorageLike, userId: string, entry: OutboxEntry, status: number | "unreachable", reason: string): "continue" | "stop" {
  const outcome = deliveryOutcome(status);
  if (outcome === "later" || status === "unreachable") return "stop";
  if (outcome === "sent") removeEntries(storage, userId, (e) => isEntry(e, entry));
  else if (outcome === "rejected") dropEntry(storage, userId, entry, reason, { status });
  else {
    const failures = (entry.failures ?? 0) + 1;
    if (failures >= MAX_SERVER_FAILURES) dropEntry(storage, userId, entry, `${reason} (the server failed ${failures} times)`, { status, failures });
    else {
      const entries = readOutbox(storage, userId);
      const stored = entries.find((e) => isEntry(e, entry));
      if (stored) {
        stored.failures = failures;
        writeOutbox(storage, userId, entries);
      }
    }
  }
  return "continue";
}

export function readDroppedNotes(storage: StorageLike, userId: string): DroppedNote[] {
  const raw = readJson(storage, KEYS.outboxNotes(userId));
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((n): DroppedNote[] => {
    if (!isObject(n) || typeof n.what !== "string" || typeof n.reason !== "string" || typeof n.at !== "number") return [];
    const note: DroppedNote = { what: n.what, reason: n.reason, at: n.at };
    // The data other languages word the note from: kept only when well formed (a page formats its date).
    const { subject, failure } = n;
    if (isObject(subject) && (subject.kind === "run" || subject.kind === "lesson") && typeof subject.id === "string" && Number.isFinite(subject.when))
      note.subject = { kind: subject.kind, id: subject.id, when: subject.when as number };
    if (isObject(failure) && Number.isInteger(failure.status))
      note.failure = Number.isInteger(failure.failures) ? { status: failure.status as number, failures: failure.failures as number } : { status: failure.status as number };
    return [note];
  });
}

export function dismissDroppedNotes(storage: StorageLike, userId: string): void {
  writeList(storage, KEYS.outboxNotes(userId), []);
}
