/**
 * The grader: a dedicated module Web Worker, so learner code never blocks the page and has no
 * DOM, cookies or localStorage. Created by ./grader-client.ts with
 * `new Worker(new URL("./grader.worker.ts", import.meta.url), { type: "module" })`.
 * The page terminates it when a run exceeds its time limit and starts a fresh one.
 */
import * as tf from "@tensorflow/tfjs";
import { findExercise } from "../exercise-code";
import { createGrader } from "./handle-run";
import { hardenIntrinsics } from "./harden";
import { lockDownWorker } from "./lockdown";
import type { PageToWorker, WorkerToPage } from "./protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Taken before any learner code exists, so replacing self.postMessage later changes nothing here.
const post = scope.postMessage.bind(scope);

const grade = createGrader({
  tf,
  findExercise,
  post: (message: WorkerToPage) => post(message),
  beforeLearnerCode: () => {
    lockDownWorker(scope);
    hardenIntrinsics(scope as unknown as Record<string, unknown>, tf);
  },
});

scope.addEventListener("message", (event: MessageEvent<PageToWorker>) => {
  if (event.data?.type === "run" || event.data?.type === "prepare") void grade(event.data);
});
