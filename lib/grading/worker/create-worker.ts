/**
 * The real grader worker. Kept apart from grader-client.ts (which Node tests import) because
 * bundlers must see this literal `new Worker(new URL(..., import.meta.url))` to emit the worker chunk.
 */
import type { WorkerLike } from "./grader-client";

export function createGraderWorker(): WorkerLike {
  return new Worker(new URL("./grader.worker.ts", import.meta.url), { type: "module", name: "grader" }) as unknown as WorkerLike;
}
