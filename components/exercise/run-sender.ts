/**
 * Sends a signed-in learner's runs to POST /api/exercises/<id>/attempts through a local outbox:
 * the run is stored first and removed only when the server has answered, so a reload, a closed
 * tab or a lost connection in the middle of the request loses nothing. The next page that shows
 * an exercise for the same learner sends what is left (the server ignores a run it already has).
 */
import type { ExerciseProgressView } from "@/lib/exercises/progress";
import { addToOutbox, readOutbox, removeFromOutbox, type KeyValueStorage, type OutboxEntry } from "./local-store";

/** Browsers refuse keepalive requests with bodies over 64 KiB. */
const KEEPALIVE_MAX_BYTES = 60 * 1024;

export type SendResult =
  | { kind: "recorded"; progress: ExerciseProgressView }
  /** The server refused the run for good (invalid, unknown exercise): retrying cannot help. */
  | { kind: "rejected"; status: number }
  /** Not confirmed (offline, server error, signed out): kept in the outbox for later. */
  | { kind: "kept" };

type Fetch = (input: string, init: RequestInit) => Promise<Pick<Response, "ok" | "status" | "json">>;

export async function sendRun(storage: KeyValueStorage | null, entry: OutboxEntry, fetcher: Fetch = fetch): Promise<SendResult> {
  if (storage) addToOutbox(storage, entry);
  const body = JSON.stringify(entry.attempt);
  let response: Awaited<ReturnType<Fetch>>;
  try {
    response = await fetcher(`/api/exercises/${encodeURIComponent(entry.exerciseId)}/attempts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      keepalive: body.length < KEEPALIVE_MAX_BYTES,
    });
  } catch {
    return { kind: "kept" };
  }
  if (response.ok) {
    if (storage) removeFromOutbox(storage, entry.attempt.clientRunId);
    const { progress } = (await response.json()) as { progress: ExerciseProgressView };
    return { kind: "recorded", progress };
  }
  // 401 (session expired), 408, 429 and 5xx may succeed later; other 4xx never will.
  const retryable = response.status === 401 || response.status === 408 || response.status === 429 || response.status >= 500;
  if (retryable) return { kind: "kept" };
  if (storage) removeFromOutbox(storage, entry.attempt.clientRunId);
  return { kind: "rejected", status: response.status };
}

let flushing: Promise<number> | null = null;

/**
 * Sends this learner's runs still waiting in the outbox, oldest first; returns how many were
 * recorded. Several cards on one page share one flush.
 */
export function flushOutbox(storage: KeyValueStorage, userId: string, fetcher: Fetch = fetch): Promise<number> {
  flushing ??= flushOnce(storage, userId, fetcher).finally(() => (flushing = null));
  return flushing;
}

async function flushOnce(storage: KeyValueStorage, userId: string, fetcher: Fetch): Promise<number> {
  let recorded = 0;
  for (const entry of readOutbox(storage).filter((e) => e.userId === userId)) {
    const result = await sendRun(storage, entry, fetcher);
    if (result.kind === "recorded") recorded++;
    if (result.kind === "kept") break; // still offline: try again next time
  }
  return recorded;
}
