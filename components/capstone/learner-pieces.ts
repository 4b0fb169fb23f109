/**
 * Where the training page finds the learner's passing code for each piece: the browser's own runs
 * (anonymous learners), the runs still waiting to reach the server, and, for a signed-in learner,
 * the server's record of their passing attempts. The newest passing code of each piece wins.
 * Reads the browser's state through lib/learner-state.
 */
import { readRuns } from "@/lib/learner-state/exercises";
import { outboxRuns, readOutbox } from "@/lib/learner-state/outbox";
import type { StorageLike } from "@/lib/learner-state/storage";
import { isPieceId, type PieceId } from "@/lib/capstone/pieces";

export interface FoundCode {
  code: string;
  passedAt: number;
  from: "this browser" | "your account";
}

export type FoundPieces = Partial<Record<PieceId, FoundCode>>;

function keepNewest(found: FoundPieces, id: string, candidate: FoundCode): void {
  if (!isPieceId(id)) return;
  const current = found[id];
  if (!current || candidate.passedAt > current.passedAt) found[id] = candidate;
}

/** Passing code this browser holds: anonymous runs, and (for `userId`) runs not yet confirmed by the server. */
export function localPassingCode(storage: StorageLike, userId: string | null): FoundPieces {
  const found: FoundPieces = {};
  for (const run of readRuns(storage)) {
    if (run.passed && typeof run.code === "string") keepNewest(found, run.exerciseId, { code: run.code, passedAt: run.createdAt, from: "this browser" });
  }
  if (userId) {
    for (const entry of outboxRuns(readOutbox(storage, userId))) {
      if (entry.attempt.passed) {
        keepNewest(found, entry.exerciseId, { code: entry.attempt.code, passedAt: entry.attempt.createdAt, from: "this browser" });
      }
    }
  }
  return found;
}

export function mergeFound(a: FoundPieces, b: FoundPieces): FoundPieces {
  const merged: FoundPieces = { ...a };
  for (const [id, code] of Object.entries(b)) if (code) keepNewest(merged, id, code);
  return merged;
}

/** The signed-in learner's passing code from the server. */
export async function accountPassingCode(): Promise<FoundPieces> {
  const response = await fetch("/api/capstone/pieces", { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) return {};
  const body = (await response.json()) as { pieces: Record<string, { code: string; passedAt: number }> };
  const found: FoundPieces = {};
  for (const [id, value] of Object.entries(body.pieces ?? {})) keepNewest(found, id, { ...value, from: "your account" });
  return found;
}
