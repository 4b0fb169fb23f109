/**
 * Sends a signed-in learner's exercise runs to POST /api/exercises/<id>/attempts through the
 * outbox (outbox.ts): stored first, removed when the server has answered. The next page that
 * shows an exercise for the same learner sends what is left (the server ignores a run it has).
 */
import type { ExerciseProgressView } from "@/lib/exercises/progress";
import { addRun, deliveryOutcome, outboxRuns, readOutbox, settleEntry, type OutboxEntry, type RunAttempt } from "./outbox";
import type { StorageLike } from "./storage";

/** Browsers refuse keepalive requests with bodies over 64 KiB. */
const KEEPALIVE_MAX_BYTES = 60 * 1024;

export type SendResult =
  | { kind: "recorded"; progress: ExerciseProgressView }
  /** The server refused the run for good (invalid, unknown exercise, or failing again and again). */
  | { kind: "rejected"; status: number; message: string }
  /** Not confirmed yet, kept in the outbox: "later" when offline or signed out, "failed" after a server error. */
  | { kind: "kept"; why: "later" | "failed" };

type Fetch = (input: string, init: RequestInit) => Promise<Pick<Response, "ok" | "status" | "json">>;

async function errorMessage(response: Pick<Response, "status" | "json">): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === "string" ? body.error : `The server answered ${response.status}.`;
}

export async function sendRun(storage: StorageLike | null, userId: string, exerciseId: string, attempt: RunAttempt, fetcher: Fetch = fetch): Promise<SendResult> {
  if (storage) addRun(storage, userId, exerciseId, attempt);
  const entry: OutboxEntry = storage ? (outboxRuns(readOutbox(storage, userId)).find((e) => e.attempt.clientRunId === attempt.clientRunId) ?? { kind: "run", exerciseId, attempt }) : { kind: "run", exerciseId, attempt };
  const body = JSON.stringify(attempt);
  let response: Awaited<ReturnType<Fetch>>;
  try {
    response = await fetcher(`/api/exercises/${encodeURIComponent(exerciseId)}/attempts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      keepalive: body.length < KEEPALIVE_MAX_BYTES,
    });
  } catch {
    return { kind: "kept", why: "later" };
  }
  const outcome = deliveryOutcome(response.status);
  const message = outcome === "sent" ? "" : await errorMessage(response);
  if (storage) settleEntry(storage, userId, entry, response.status, message);
  if (outcome === "sent") return { kind: "recorded", progress: ((await response.json()) as { progress: ExerciseProgressView }).progress };
  if (outcome === "rejected") return { kind: "rejected", status: response.status, message };
  if (outcome === "later") return { kind: "kept", why: "later" };
  // A server error: kept, unless this was its last chance (then the outbox dropped it with a note).
  const dropped = storage !== null && !outboxRuns(readOutbox(storage, userId)).some((e) => e.attempt.clientRunId === attempt.clientRunId);
  return dropped ? { kind: "rejected", status: response.status, message } : { kind: "kept", why: "failed" };
}

let flushing: Promise<number> | null = null;

/**
 * Sends this learner's runs still waiting, oldest first; returns how many were recorded. A run
 * the server keeps failing on does not hold back the others; being offline stops the flush.
 * Several cards on one page share one flush.
 */
export function flushRuns(storage: StorageLike, userId: string, fetcher: Fetch = fetch): Promise<number> {
  flushing ??= flushOnce(storage, userId, fetcher).finally(() => (flushing = null));
  return flushing;
}

async function flushOnce(storage: StorageLike, userId: string, fetcher: Fetch): Promise<number> {
  let recorded = 0;
  for (const entry of outboxRuns(readOutbox(storage, userId))) {
    const result = await sendRun(storage, userId, entry.exerciseId, entry.attempt, fetcher);
    if (result.kind === "recorded") recorded++;
    if (result.kind === "kept" && result.why === "later") break; // offline or signed out: try again later
  }
  return recorded;
}
