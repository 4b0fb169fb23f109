/**
 * The browser grader worker's logic in a Node worker thread: a realm of its own, whose intrinsics
 * can be frozen as the browser worker freezes its own (lib/grading/worker/harden.ts) without
 * touching Jest's. Started by lib/grading/worker/hardened-grader.test.ts through tsx.
 */
import { parentPort, workerData } from "node:worker_threads";
import "./quiet-tfjs.js";
import * as tf from "@tensorflow/tfjs";
import { findExercise } from "../../exercises/registry";
import { createGrader } from "../../lib/grading/worker/handle-run";
import { hardenIntrinsics } from "../../lib/grading/worker/harden";
import type { RunRequest } from "../../lib/grading/worker/protocol";

const port = parentPort!;
const grade = createGrader({
  tf,
  findExercise,
  post: (message) => port.postMessage(message),
  beforeLearnerCode: () => {
    if ((workerData as { harden: boolean }).harden) hardenIntrinsics(globalThis as unknown as Record<string, unknown>, tf);
  },
});
port.on("message", (request: RunRequest) => void grade(request));
