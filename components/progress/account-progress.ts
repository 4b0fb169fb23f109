/**
 * The browser side of progress: one small store that knows what the lesson pages need (status
 * per lesson, track) and the only code that sends progress to the server.
 *
 * - Anonymous learner: everything is written to localStorage (lib/learner-state).
 * - Signed-in learner: reports go to /api/progress/lessons/<slug>; the store keeps the account's
 *   overview (GET /api/progress) for ticks and the track. A report that cannot be sent is kept in
 *   the learner's outbox and sent with the next merge, so nothing is lost offline.
 * - After sign-up / sign-in (and whenever a signed-in page finds local data left over) the local
 *   data is merged into the account (POST /api/progress/merge) and cleared once confirmed.
 *
 * No React here (hooks live in progress-store.tsx and use-track.ts).
 */
import { readLocalLessons, readLocalTrack, updateLocalLesson, writeLocalTrack, type LocalLessonRecord } from "@/lib/learner-state/lessons";
import { addLessonReport, deliveryOutcome, outboxLessons, readOutbox } from "@/lib/learner-state/outbox";
import { browserStorage as storage, clearLearnerState, KEYS, PREFIX } from "@/lib/learner-state/storage";
import { DEFAULT_TRACK, type Track } from "@/lib/progress/track";
import { ReportQueue, type QueuedReport } from "./report-queue";

export type LessonStatus = "not-started" | "in-progress" | "complete";
export type { Track };

export interface AccountOverview {
  track: Track;
  lessons: Record<string, { status: "in-progress" | "complete"; section: string | null }>;
  exercisesPassed: string[];
}

export const JSON_HEADERS = { "content-type": "application/json" };
/** What a learner reads when their progress could not reach the server. */
export const UNREACHABLE = "The server could not be reached; your progress stays in this browser and is sent later.";
const listeners = new Set<() => void>();

export function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  // Another tab changed localStorage.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(PREFIX)) onChange();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onStorage);
  };
}

function emit() {
  for (const listener of [...listeners]) listener();
}

/** A random id that also works on plain-http classroom servers (no crypto.randomUUID there). */
export function randomId(prefix: string): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

// ---------------------------------------------------------------------------------------------
// Local lessons, parsed once per stored value (getSnapshot runs on every render of every tick).

let parsedRaw: string | null | undefined;
let parsedLessons: Record<string, LocalLessonRecord> = {};

function localLessons(): Record<string, LocalLessonRecord> {
  const s = storage();
  if (!s) return {};
  let raw: string | null = null;
  try {
    raw = s.getItem(KEYS.lessons);
  } catch {
    return {};
  }
  if (raw !== parsedRaw) {
    parsedRaw = raw;
    parsedLessons = readLocalLessons(s);
  }
  return parsedLessons;
}

// ---------------------------------------------------------------------------------------------
// The signed-in learner's overview.

interface AccountState {
  userId: string;
  /** The account's progress as last loaded (GET /api/progress). */
  overview: AccountOverview | null;
  /** Lesson statuses reported from this page since: shown at once, whatever the overview says. */
  reported: Record<string, LessonStatus>;
  loading: Promise<void> | null;
  loadedAt: number;
}

let account: AccountState | null = null;
const STALE_MS = 60_000;

function accountFor(userId: string): AccountState {
  if (account?.userId !== userId) account = { userId, overview: null, reported: {}, loading: null, loadedAt: 0 };
  return account;
}

/** Loads (or refreshes, when stale or forced) the overview of the signed-in learner. */
export function loadAccountProgress(userId: string, options: { force?: boolean } = {}): Promise<void> {
  const state = accountFor(userId);
  if (state.loading) return state.loading;
  if (!options.force && state.overview && Date.now() - state.loadedAt < STALE_MS) return Promise.resolve();
  state.loading = (async () => {
    try {
      const response = await fetch("/api/progress", { cache: "no-store" });
      if (!response.ok) return;
      const overview = (await response.json()) as AccountOverview;
      if (account !== state) return;
      state.overview = overview;
      state.loadedAt = Date.now();
      const s = storage();
      if (s) writeLocalTrack(s, overview.track);
      emit();
    } catch {
      // Offline: ticks fall back to what this browser knows.
    } finally {
      state.loading = null;
    }
  })();
  return state.loading;
}

export function accountOverview(userId: string | null): AccountOverview | null {
  return userId && account?.userId === userId ? account.overview : null;
}

/** Forget the signed-in learner's overview (after sign-out or account deletion). */
export function resetAccountProgress() {
  account = null;
  queues.clear();
  emit();
}

const rank = (s: LessonStatus) => (s === "complete" ? 2 : s === "in-progress" ? 1 : 0);
const higher = (a: LessonStatus, b: LessonStatus | undefined) => (b !== undefined && rank(b) > rank(a) ? b : a);

/**
 * A lesson's status as this browser knows it: the account's when signed in, raised by what this
 * page reported and by anything still waiting locally, so a tick never goes backwards.
 */
export function lessonStatus(userId: string | null, slug: string): LessonStatus {
  let status: LessonStatus = localLessons()[slug]?.status ?? "not-started";
  if (userId && account?.userId === userId) {
    status = higher(status, account.overview?.lessons[slug]?.status);
    status = higher(status, account.reported[slug]);
  }
  return status;
}

export function currentTrack(userId: string | null): Track {
  const overview = accountOverview(userId);
  if (overview) return overview.track;
  const s = storage();
  return (s && readLocalTrack(s)) ?? DEFAULT_TRACK;
}

// ---------------------------------------------------------------------------------------------
// Reports from the lesson page.

export interface LessonReport {
  section?: string;
  complete?: boolean;
  /** Visible seconds of this page view: the total so far, and what is new since the last report. */
  time?: { visitId: string; seconds: number; added: number };
}

/** One queue per learner and lesson: reports are sent in order, never overtaking each other. */
const queues = new Map<string, ReportQueue>();

function queueFor(userId: string, slug: string): ReportQueue {
  const key = `${userId}\u0000${slug}`;
  let queue = queues.get(key);
  if (!queue) {
    queue = new ReportQueue((report, { keepalive }) => sendReport(userId, slug, report, keepalive));
    queues.set(key, queue);
  }
  return queue;
}

/** Sends one report; keeps it in the outbox if the server cannot take it now. */
async function sendReport(userId: string, slug: string, report: QueuedReport, keepalive: boolean): Promise<void> {
  const body: Record<string, unknown> = {};
  if (report.section) body.section = report.section;
  if (report.complete) body.complete = true;
  if (report.time) body.time = report.time;
  if (Object.keys(body).length === 0) body.visit = true;

  let sent = false;
  try {
    const response = await fetch(`/api/progress/lessons/${encodeURIComponent(slug)}`, {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
      keepalive,
    });
    // A refused report (the report itself is wrong) is not kept: sending it again cannot help.
    const outcome = deliveryOutcome(response.status);
    sent = outcome === "sent" || outcome === "rejected";
    if (response.ok && account?.userId === userId) {
      const { lesson } = (await response.json()) as { lesson: { status: LessonStatus } };
      account.reported[slug] = higher(account.reported[slug] ?? "not-started", lesson.status);
      emit();
    }
  } catch {
    sent = false;
  }
  const s = storage();
  if (!sent && s) {
    const now = Date.now();
    addLessonReport(s, userId, {
      slug,
      status: report.complete ? "complete" : "in-progress",
      updatedAt: now,
      startedAt: now,
      ...(report.complete ? { completedAt: now } : {}),
      ...(report.section ? { section: report.section } : {}),
      ...(report.time ? { time: report.time } : {}),
    });
  } else if (sent && s && outboxLessons(readOutbox(s, userId)).length > 0) {
    // The server is reachable again: send what was kept.
    void syncLocalProgress(userId);
  }
}

/**
 * Records a lesson event: locally for an anonymous learner, on the account for a signed-in one
 * (in order, and kept in the outbox if it cannot be sent). `keepalive` lets a report leave with
 * a closing page.
 */
export async function reportLesson(userId: string | null, slug: string, report: LessonReport, options: { keepalive?: boolean } = {}): Promise<void> {
  if (!userId) {
    const s = storage();
    if (s) updateLocalLesson(s, slug, { section: report.section, complete: report.complete, addSeconds: report.time?.added }, Date.now(), () => randomId("local"));
    emit();
    return;
  }
  // Shown at once; the server's answer confirms it.
  const state = accountFor(userId);
  state.reported[slug] = higher(state.reported[slug] ?? "in-progress", report.complete ? "complete" : "in-progress");
  emit();
  const queued: QueuedReport = {};
  if (report.section) queued.section = report.section;
  if (report.complete) queued.complete = true;
  if (report.time) queued.time = { visitId: report.time.visitId, seconds: report.time.seconds };
  await queueFor(userId, slug).push(queued, { keepalive: options.keepalive });
}

// ---------------------------------------------------------------------------------------------
// Merging local progress into the account.

export interface SyncResult {
  ok: boolean;
  /** Requests sent. */
  requests: number;
  error?: string;
}

let syncing: Promise<SyncResult> | null = null;

/**
 * Sends everything local to the signed-in account and clears what the server confirmed.
 * Safe to call often and from several places: one merge runs at a time, and a merge is
 * idempotent on the server. Its code (merge-local.ts) loads on the first call: only signed-in
 * pages merge, and a reader's first load is held to 150 KB (decisions 037, 042).
 */
export function syncLocalProgress(userId: string, options: { adoptTrack?: Track } = {}): Promise<SyncResult> {
  if (syncing) return syncing;
  syncing = import("./merge-local")
    .then(({ mergeLocalProgress }) => mergeLocalProgress(userId, options))
    .catch((): SyncResult => ({ ok: false, requests: 0, error: UNREACHABLE }))
    .finally(() => {
      syncing = null;
      emit();
    });
  return syncing.then(async (result) => {
    if (result.requests > 0) await loadAccountProgress(userId, { force: true });
    return result;
  });
}

/** Saves the signed-in learner's track; true when the server took it. */
export async function saveTrack(userId: string, track: Track): Promise<boolean> {
  try {
    const response = await fetch("/api/me/track", { method: "PUT", headers: JSON_HEADERS, body: JSON.stringify({ track }) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Chooses a track: the account's when signed in (and this browser's, so pages start right).
 * Shown at once; put back if the server does not take it.
 */
export async function chooseTrack(userId: string | null, track: Track): Promise<boolean> {
  const s = storage();
  const previous = currentTrack(userId);
  if (s) writeLocalTrack(s, track);
  const overview = accountOverview(userId);
  if (overview && account) account.overview = { ...overview, track };
  emit();
  if (!userId) return true;
  const ok = await saveTrack(userId, track);
  if (!ok) {
    if (s) writeLocalTrack(s, previous);
    const current = accountOverview(userId);
    if (current && account) account.overview = { ...current, track: previous };
    emit();
  }
  return ok;
}

/** The track chosen in this browser before signing up, if any (adopted by the new account). */
export function locallyChosenTrack(): Track | undefined {
  const s = storage();
  return (s && readLocalTrack(s)) ?? undefined;
}

/** Removes every `academy:` key (after the account was deleted). */
export function clearAllLocalProgress() {
  const s = storage();
  if (!s) return;
  clearLearnerState(s);
  resetAccountProgress();
}
