/** Lesson progress and the chosen track of a learner who is not signed in. */
import { isTrack, type Track } from "@/lib/progress/track";
import { isObject, isTime, KEYS, readJson, SLUG_PATTERN, writeJson, type StorageLike } from "./storage";

export type LocalStatus = "in-progress" | "complete";

/** One lesson in the browser. Times are epoch milliseconds. */
export interface LocalLessonRecord {
  status: LocalStatus;
  section?: string;
  startedAt?: number;
  completedAt?: number;
  updatedAt: number;
  /** Reading time in this browser, reported to the server as one visit with this id. */
  visitId?: string;
  seconds?: number;
}

/** A lesson report in the shape the merge endpoint takes (lib/progress/schemas.ts localLessonSchema). */
export interface MergeLesson {
  slug: string;
  status: LocalStatus;
  section?: string;
  startedAt?: number;
  completedAt?: number;
  updatedAt: number;
  time?: { visitId: string; seconds: number };
}

const SECTION = /^[\p{Ll}\p{Lo}\p{N}_-]{1,120}$/u;
const VISIT = /^[A-Za-z0-9_-]{8,64}$/;
/** The most reading time one visit may report (the server caps it too). */
export const MAX_VISIT_SECONDS = 6 * 60 * 60;

/** A stored record, with anything malformed dropped (an old format, a hand edit). */
export function cleanLessonRecord(value: unknown): LocalLessonRecord | null {
  if (!isObject(value)) return null;
  if (value.status !== "in-progress" && value.status !== "complete") return null;
  if (!isTime(value.updatedAt)) return null;
  const record: LocalLessonRecord = { status: value.status, updatedAt: value.updatedAt };
  if (typeof value.section === "string" && SECTION.test(value.section)) record.section = value.section;
  if (isTime(value.startedAt)) record.startedAt = value.startedAt;
  if (isTime(value.completedAt)) record.completedAt = value.completedAt;
  if (typeof value.visitId === "string" && VISIT.test(value.visitId) && typeof value.seconds === "number" && Number.isFinite(value.seconds)) {
    record.visitId = value.visitId;
    record.seconds = Math.max(0, Math.min(MAX_VISIT_SECONDS, Math.floor(value.seconds)));
  }
  return record;
}

/** A well-formed lesson report (as kept in the outbox), or null. */
export function cleanMergeLesson(value: unknown): MergeLesson | null {
  if (!isObject(value) || typeof value.slug !== "string" || !SLUG_PATTERN.test(value.slug)) return null;
  const record = cleanLessonRecord(value);
  if (!record) return null;
  const { visitId: _visitId, seconds: _seconds, ...fields } = record; // a report carries its time as `time`
  const lesson: MergeLesson = { slug: value.slug, ...fields };
  const time = value.time;
  if (isObject(time) && typeof time.visitId === "string" && VISIT.test(time.visitId) && typeof time.seconds === "number" && Number.isFinite(time.seconds)) {
    lesson.time = { visitId: time.visitId, seconds: Math.max(0, Math.min(MAX_VISIT_SECONDS, Math.floor(time.seconds))) };
  }
  return lesson;
}

export function readLocalLessons(storage: StorageLike): Record<string, LocalLessonRecord> {
  const raw = readJson(storage, KEYS.lessons);
  if (!isObject(raw)) return {};
  const out: Record<string, LocalLessonRecord> = {};
  for (const [slug, value] of Object.entries(raw)) {
    const record = SLUG_PATTERN.test(slug) ? cleanLessonRecord(value) : null;
    if (record) out[slug] = record;
  }
  return out;
}

export function writeLocalLessons(storage: StorageLike, lessons: Record<string, LocalLessonRecord>): void {
  if (Object.keys(lessons).length === 0) storage.removeItem(KEYS.lessons);
  else writeJson(storage, KEYS.lessons, lessons);
}

export interface LocalLessonUpdate {
  section?: string;
  complete?: boolean;
  /** Visible seconds to add to this browser's reading time for the lesson. */
  addSeconds?: number;
}

/** Applies one lesson report to the anonymous local progress and returns the new record. */
export function updateLocalLesson(storage: StorageLike, slug: string, update: LocalLessonUpdate, now: number, newVisitId: () => string): LocalLessonRecord {
  const all = readLocalLessons(storage);
  const current = all[slug];
  const next: LocalLessonRecord = {
    ...current,
    status: current?.status === "complete" || update.complete ? "complete" : "in-progress",
    startedAt: current?.startedAt ?? now,
    updatedAt: now,
  };
  if (update.complete && next.completedAt === undefined) next.completedAt = now;
  if (update.section !== undefined && SECTION.test(update.section)) next.section = update.section;
  if (update.addSeconds !== undefined && update.addSeconds > 0) {
    next.visitId ??= newVisitId();
    next.seconds = Math.min(MAX_VISIT_SECONDS, (next.seconds ?? 0) + Math.floor(update.addSeconds));
  }
  all[slug] = next;
  writeJson(storage, KEYS.lessons, all);
  return next;
}

export function toMergeLesson(slug: string, record: LocalLessonRecord): MergeLesson {
  const lesson: MergeLesson = { slug, status: record.status, updatedAt: record.updatedAt };
  if (record.section !== undefined) lesson.section = record.section;
  if (record.startedAt !== undefined) lesson.startedAt = record.startedAt;
  if (record.completedAt !== undefined) lesson.completedAt = record.completedAt;
  if (record.visitId !== undefined && record.seconds !== undefined) lesson.time = { visitId: record.visitId, seconds: record.seconds };
  return lesson;
}

export function readLocalTrack(storage: StorageLike): Track | null {
  try {
    const value = storage.getItem(KEYS.track);
    return isTrack(value) ? value : null;
  } catch {
    return null;
  }
}

/** Stored as the bare word (not JSON), as since the first release. */
export function writeLocalTrack(storage: StorageLike, track: Track): void {
  try {
    storage.setItem(KEYS.track, track);
  } catch {
    // Storage unavailable: the choice lasts for this page.
  }
}
