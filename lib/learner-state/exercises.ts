/** An exercise in the browser: autosaved code, anonymous runs, hints revealed. */
import type { AttemptInput } from "@/lib/exercises/attempt-input";
import { DRAFT_KEY_PATTERN, isObject, isQuotaError, isTime, KEYS, readJson, SLUG_PATTERN, writeJson, type StorageLike } from "./storage";

/** Autosaved code. `updatedAt` is epoch milliseconds. */
export interface LocalDraft {
  code: string;
  updatedAt: number;
}

/** An anonymous learner's run, kept for the sign-in merge. */
export type StoredRun = AttemptInput & { exerciseId: string; createdAt: number };

export interface LocalExerciseState {
  hintsRevealed: number;
  solutionViewedAt: number | null;
}

export const MAX_STORED_RUNS = 200;

const cleanDraft = (value: unknown): LocalDraft | null => (isObject(value) && typeof value.code === "string" && isTime(value.updatedAt) ? { code: value.code, updatedAt: value.updatedAt } : null);

export function readLocalDraft(storage: StorageLike, exerciseId: string): LocalDraft | null {
  return cleanDraft(readJson(storage, KEYS.draft(exerciseId)));
}

/** Returns false when the browser refused (storage full or disabled). */
export function writeLocalDraft(storage: StorageLike, exerciseId: string, draft: LocalDraft): boolean {
  return writeJson(storage, KEYS.draft(exerciseId), draft);
}

/** Forgets the local copy once the server holds this code or newer. */
export function clearLocalDraftUpTo(storage: StorageLike, exerciseId: string, savedUpdatedAt: number): void {
  const local = readLocalDraft(storage, exerciseId);
  if (local && local.updatedAt <= savedUpdatedAt) storage.removeItem(KEYS.draft(exerciseId));
}

/** Forgets the local copy only if it is still exactly this one (nothing typed since). */
export function clearLocalDraftIfUnchanged(storage: StorageLike, exerciseId: string, sent: LocalDraft): void {
  const local = readLocalDraft(storage, exerciseId);
  if (local && local.updatedAt === sent.updatedAt && local.code === sent.code) storage.removeItem(KEYS.draft(exerciseId));
}

/** Every exercise's autosaved code in this browser. */
export function readAllDrafts(storage: StorageLike): (LocalDraft & { exerciseId: string })[] {
  const drafts: (LocalDraft & { exerciseId: string })[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const match = key ? DRAFT_KEY_PATTERN.exec(key) : null;
    const draft = match ? cleanDraft(readJson(storage, key!)) : null;
    if (match && draft) drafts.push({ exerciseId: match[1], ...draft });
  }
  return drafts;
}

/** The code to open the editor with: the newest of the browser's copy and the account's copy, else the starter. */
export function chooseInitialCode(
  starter: string,
  local: LocalDraft | null,
  server: LocalDraft | null,
): { code: string; from: "starter" | "local" | "server"; updatedAt: number | null } {
  if (local && (!server || local.updatedAt > server.updatedAt)) return { code: local.code, from: "local", updatedAt: local.updatedAt };
  if (server) return { code: server.code, from: "server", updatedAt: server.updatedAt };
  return { code: starter, from: "starter", updatedAt: null };
}

export function readRuns(storage: StorageLike): StoredRun[] {
  const value = readJson(storage, KEYS.exerciseRuns);
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is StoredRun => isObject(r) && typeof r.exerciseId === "string" && SLUG_PATTERN.test(r.exerciseId) && typeof r.clientRunId === "string");
}

export function writeRuns(storage: StorageLike, runs: readonly StoredRun[]): boolean {
  if (runs.length === 0) {
    storage.removeItem(KEYS.exerciseRuns);
    return true;
  }
  return writeJson(storage, KEYS.exerciseRuns, runs);
}

/**
 * Keeps at most `cap` runs: the oldest go first, except that each exercise's first passing run
 * is kept, so a learner's completion is never forgotten by the cap.
 */
export function capRuns(runs: StoredRun[], cap = MAX_STORED_RUNS): StoredRun[] {
  if (runs.length <= cap) return runs;
  const protectedRuns = new Set<StoredRun>();
  const seenPass = new Set<string>();
  for (const run of runs) {
    if (run.passed && !seenPass.has(run.exerciseId)) {
      seenPass.add(run.exerciseId);
      protectedRuns.add(run);
    }
  }
  let excess = runs.length - cap;
  return runs.filter((run) => {
    if (excess > 0 && !protectedRuns.has(run)) {
      excess--;
      return false;
    }
    return true;
  });
}

/**
 * The run list as this tab last wrote it. While the stored text is still exactly that (no other
 * tab wrote since), the next run is appended to the text: the list (up to 200 runs with their
 * code) is neither parsed nor serialised again on every "Run tests".
 */
const lastWrittenRuns = new WeakMap<StorageLike, { text: string; count: number }>();

function appendToWrittenText(storage: StorageLike, run: StoredRun, cap: number): boolean {
  const written = lastWrittenRuns.get(storage);
  if (!written || written.count >= cap || storage.getItem(KEYS.exerciseRuns) !== written.text) return false;
  const text = `${written.text.slice(0, -1)},${JSON.stringify(run)}]`;
  try {
    storage.setItem(KEYS.exerciseRuns, text);
  } catch {
    return false; // full: the path below trims old runs
  }
  lastWrittenRuns.set(storage, { text, count: written.count + 1 });
  return true;
}

/** Appends a run; if the browser's storage is full, drops old runs (never first passes) until it fits. */
export function appendRun(storage: StorageLike, run: StoredRun, cap = MAX_STORED_RUNS): boolean {
  if (appendToWrittenText(storage, run, cap)) return true;
  let runs = capRuns([...readRuns(storage), run], cap);
  for (;;) {
    try {
      const text = JSON.stringify(runs);
      storage.setItem(KEYS.exerciseRuns, text);
      lastWrittenRuns.set(storage, { text, count: runs.length });
      return true;
    } catch (error) {
      const smaller = capRuns(runs, Math.max(1, Math.floor(runs.length * 0.75)));
      if (!isQuotaError(error) || smaller.length === runs.length) return false;
      runs = smaller;
    }
  }
}

/** Whether this browser has an anonymous run of the exercise that passed every test. */
export function hasLocalPass(storage: StorageLike, exerciseId: string): boolean {
  return readRuns(storage).some((run) => run.exerciseId === exerciseId && run.passed);
}

export function readLocalState(storage: StorageLike, exerciseId: string): LocalExerciseState {
  const value = readJson(storage, KEYS.exerciseState(exerciseId));
  const state = isObject(value) ? value : {};
  return {
    hintsRevealed: typeof state.hintsRevealed === "number" ? state.hintsRevealed : 0,
    solutionViewedAt: typeof state.solutionViewedAt === "number" ? state.solutionViewedAt : null,
  };
}

export function updateLocalState(storage: StorageLike, exerciseId: string, patch: Partial<LocalExerciseState>): LocalExerciseState {
  const next = { ...readLocalState(storage, exerciseId), ...patch };
  writeJson(storage, KEYS.exerciseState(exerciseId), next); // storage full: the state still applies to this page view
  return next;
}

/** Exercise id -> code of this browser's newest passing anonymous run of each of `exerciseIds`. */
export function latestPassingSources(storage: StorageLike | null, exerciseIds: readonly string[]): Record<string, string> {
  const sources: Record<string, string> = {};
  if (!storage) return sources;
  for (const run of readRuns(storage)) {
    if (run.passed && exerciseIds.includes(run.exerciseId) && typeof run.code === "string") sources[run.exerciseId] = run.code;
  }
  return sources;
}
