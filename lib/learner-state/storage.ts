/**
 * Everything the browser keeps about a learner, in localStorage. This folder is the only code
 * that reads or writes these keys (all start with `academy:`):
 *
 * | key                             | value                                  | module        |
 * |---------------------------------|----------------------------------------|---------------|
 * | `academy:lessons`               | { [slug]: LocalLessonRecord }          | lessons.ts    |
 * | `academy:track`                 | "CONCEPT" \| "BUILDER"                 | lessons.ts    |
 * | `academy:exercise:<id>:code`    | LocalDraft: autosaved code             | exercises.ts  |
 * | `academy:exercise:<id>:state`   | hints revealed, solution viewed        | exercises.ts  |
 * | `academy:exercise-runs`         | StoredRun[]: anonymous runs            | exercises.ts  |
 * | `academy:quiz-attempts`         | LocalQuizAttempt[]: anonymous attempts | quizzes.ts    |
 * | `academy:outbox:<userId>`       | OutboxEntry[]: a signed-in learner's   | outbox.ts     |
 * |                                 | writes the server has not confirmed    |               |
 * | `academy:outbox-notes:<userId>` | DroppedNote[]: writes given up on      | outbox.ts     |
 * | `academy:capstone:built-in`     | pieces the learner set to built-in     | capstone.ts   |
 * | `academy:capstone:reported`     | training runs whose summary was sent   | capstone.ts   |
 *
 * Anonymous data is merged into the account at sign-in (merge.ts). No React and no DOM beyond a
 * Storage-like object, so all of it is tested in Node.
 */

export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const PREFIX = "academy:";
const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

export const KEYS = {
  lessons: "academy:lessons",
  track: "academy:track",
  exerciseRuns: "academy:exercise-runs",
  quizAttempts: "academy:quiz-attempts",
  draft: (exerciseId: string) => `academy:exercise:${exerciseId}:code`,
  exerciseState: (exerciseId: string) => `academy:exercise:${exerciseId}:state`,
  outbox: (userId: string) => `academy:outbox:${userId}`,
  outboxNotes: (userId: string) => `academy:outbox-notes:${userId}`,
  capstoneBuiltIn: "academy:capstone:built-in",
  capstoneReported: "academy:capstone:reported",
  /** Before one outbox: a signed-in learner's runs of every user in one list. Read once, then moved. */
  legacyRunOutbox: "academy:exercise-outbox",
} as const;

export const DRAFT_KEY_PATTERN = new RegExp(`^academy:exercise:(${SLUG}):code$`);
export const SLUG_PATTERN = new RegExp(`^${SLUG}$`);

/** Dispatched on window when this tab changes learner data, so every view on the page updates. */
export const LEARNER_STATE_EVENT = "academy:learner-state-change";

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** Epoch milliseconds. */
export const isTime = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 8.64e15;

export function readJson(storage: StorageLike, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Storage may be full or disabled (private mode): returns false, and the data lives for this page only. */
export function writeJson(storage: StorageLike, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Writes a list, or removes the key when the list is empty. */
export function writeList(storage: StorageLike, key: string, items: readonly unknown[]): boolean {
  if (items.length > 0) return writeJson(storage, key, items);
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: nothing was stored either.
  }
  return true;
}

/** A DOMException in browsers (not an Error subclass everywhere), so only its name and message are read. */
export function isQuotaError(error: unknown): boolean {
  if (!isObject(error) && !(error instanceof Error)) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === "QuotaExceededError" || (typeof message === "string" && /quota/i.test(message));
}

/** window.localStorage, or null where it is unavailable (server rendering, disabled storage). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** Removes every `academy:` key (after the account was deleted). */
export function clearLearnerState(storage: StorageLike): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
