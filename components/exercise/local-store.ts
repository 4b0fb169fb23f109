/**
 * What the browser keeps about exercises in localStorage (all keys start with `academy:`):
 *
 * - `academy:exercise:<id>:code`  = { code, updatedAt }   the autosaved code (anonymous learners,
 *   and signed-in learners whose save could not reach the server)
 * - `academy:exercise-runs`       = StoredRun[]           anonymous runs, newest last, capped at
 *   200; the progress merge sends them through recordAttempt at sign-in
 * - `academy:exercise:<id>:state` = { hintsRevealed, solutionViewedAt }
 * - `academy:exercise-outbox`     = OutboxEntry[]         a signed-in learner's runs until the
 *   server has confirmed them (a reload or a lost connection mid-request loses nothing)
 *
 * Every function takes the Storage, so the logic is tested in Node with a stand-in.
 */
import type { AttemptInput } from "@/lib/exercises/attempt-input";

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface LocalDraft {
  code: string;
  /** Epoch milliseconds. */
  updatedAt: number;
}

export type StoredRun = AttemptInput & { exerciseId: string; createdAt: number };

export interface LocalExerciseState {
  hintsRevealed: number;
  solutionViewedAt: number | null;
}

export const RUNS_KEY = "academy:exercise-runs";
export const OUTBOX_KEY = "academy:exercise-outbox";
export const MAX_STORED_RUNS = 200;
export const draftKey = (id: string) => `academy:exercise:${id}:code`;
export const stateKey = (id: string) => `academy:exercise:${id}:state`;
/** Dispatched on window when this tab changes exercise data, so every card on the page updates. */
export const EXERCISE_EVENT = "academy:exercise-change";

function readJson<T>(storage: KeyValueStorage, key: string): T | undefined {
  try {
    const raw = storage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && (error.name === "QuotaExceededError" || /quota/i.test(error.message));
}

export function readLocalDraft(storage: KeyValueStorage, id: string): LocalDraft | null {
  const value = readJson<LocalDraft>(storage, draftKey(id));
  return value && typeof value.code === "string" && typeof value.updatedAt === "number" ? value : null;
}

/** Returns false when the browser refused (storage full or disabled). */
export function writeLocalDraft(storage: KeyValueStorage, id: string, draft: LocalDraft): boolean {
  try {
    storage.setItem(draftKey(id), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the local copy once the server holds this code or newer. */
export function clearLocalDraftUpTo(storage: KeyValueStorage, id: string, savedUpdatedAt: number): void {
  const local = readLocalDraft(storage, id);
  if (local && local.updatedAt <= savedUpdatedAt) storage.removeItem(draftKey(id));
}

export function readRuns(storage: KeyValueStorage): StoredRun[] {
  const value = readJson<unknown>(storage, RUNS_KEY);
  return Array.isArray(value) ? (value.filter((r) => r && typeof r === "object" && typeof r.exerciseId === "string") as StoredRun[]) : [];
}

/**
 * Adds a run, keeping at most `cap`: the oldest go first, except that each exercise's first
 * passing run is kept, so a learner's completion is never forgotten by the cap.
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

/** Appends a run; if the browser's storage is full, drops old runs (never first passes) until it fits. */
export function appendRun(storage: KeyValueStorage, run: StoredRun, cap = MAX_STORED_RUNS): boolean {
  let runs = capRuns([...readRuns(storage), run], cap);
  for (;;) {
    try {
      storage.setItem(RUNS_KEY, JSON.stringify(runs));
      return true;
    } catch (error) {
      const smaller = capRuns(runs, Math.max(1, Math.floor(runs.length * 0.75)));
      if (!isQuotaError(error) || smaller.length === runs.length) return false;
      runs = smaller;
    }
  }
}

/** Whether this browser has a run of the exercise that passed every test. */
export function hasLocalPass(storage: KeyValueStorage, id: string): boolean {
  return readRuns(storage).some((run) => run.exerciseId === id && run.passed);
}

/** A signed-in learner's run waiting for the server. Only ever sent for the same user. */
export interface OutboxEntry {
  userId: string;
  exerciseId: string;
  attempt: AttemptInput & { createdAt: number };
}

export function readOutbox(storage: KeyValueStorage): OutboxEntry[] {
  const value = readJson<unknown>(storage, OUTBOX_KEY);
  return Array.isArray(value)
    ? (value.filter((e) => e && typeof e.userId === "string" && typeof e.exerciseId === "string" && e.attempt?.clientRunId) as OutboxEntry[])
    : [];
}

function writeOutbox(storage: KeyValueStorage, entries: OutboxEntry[]): boolean {
  try {
    if (entries.length === 0) storage.removeItem(OUTBOX_KEY);
    else storage.setItem(OUTBOX_KEY, JSON.stringify(entries));
    return true;
  } catch {
    return false;
  }
}

/** Keeps a run until the server confirms it (at most `cap` runs; the oldest go first). A run already waiting keeps its place. */
export function addToOutbox(storage: KeyValueStorage, entry: OutboxEntry, cap = MAX_STORED_RUNS): boolean {
  const entries = readOutbox(storage);
  if (entries.some((e) => e.attempt.clientRunId === entry.attempt.clientRunId)) return true;
  entries.push(entry);
  return writeOutbox(storage, entries.slice(-cap));
}

export function removeFromOutbox(storage: KeyValueStorage, clientRunId: string): void {
  const entries = readOutbox(storage);
  const kept = entries.filter((e) => e.attempt.clientRunId !== clientRunId);
  if (kept.length !== entries.length) writeOutbox(storage, kept);
}

/** Whether this learner has a passing run of the exercise still waiting to reach the server. */
export function hasPendingPass(storage: KeyValueStorage, userId: string, id: string): boolean {
  return readOutbox(storage).some((e) => e.userId === userId && e.exerciseId === id && e.attempt.passed);
}

export function readLocalState(storage: KeyValueStorage, id: string): LocalExerciseState {
  const value = readJson<Partial<LocalExerciseState>>(storage, stateKey(id));
  return {
    hintsRevealed: typeof value?.hintsRevealed === "number" ? value.hintsRevealed : 0,
    solutionViewedAt: typeof value?.solutionViewedAt === "number" ? value.solutionViewedAt : null,
  };
}

export function updateLocalState(storage: KeyValueStorage, id: string, patch: Partial<LocalExerciseState>): LocalExerciseState {
  const next = { ...readLocalState(storage, id), ...patch };
  try {
    storage.setItem(stateKey(id), JSON.stringify(next));
  } catch {
    // Storage full or disabled: the state still applies to this page view.
  }
  return next;
}

/**
 * The code to open the editor with: the newest of the browser's copy and the account's copy,
 * else the starter.
 */
export function chooseInitialCode(
  starter: string,
  local: LocalDraft | null,
  server: LocalDraft | null,
): { code: string; from: "starter" | "local" | "server"; updatedAt: number | null } {
  if (local && (!server || local.updatedAt > server.updatedAt)) return { code: local.code, from: "local", updatedAt: local.updatedAt };
  if (server) return { code: server.code, from: "server", updatedAt: server.updatedAt };
  return { code: starter, from: "starter", updatedAt: null };
}
