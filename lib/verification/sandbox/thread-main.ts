/**
 * The body of the sandbox thread (./sandbox-thread.ts): runs one verification at a time in
 * QuickJS and posts the outcome back. Loaded through ./thread-entry.cjs.
 */
import { parentPort } from "node:worker_threads";
import { runInSandbox, type SandboxLimits } from "./quickjs-sandbox";

interface Request {
  id: number;
  exerciseId: string;
  source: string;
  limits: SandboxLimits;
}

parentPort!.on("message", (request: Request) => {
  void runInSandbox(request.exerciseId, request.source, request.limits).then(
    (outcome) => parentPort!.postMessage({ id: request.id, outcome }),
    (error: unknown) => parentPort!.postMessage({ id: request.id, outcome: { kind: "error", message: String(error), loadMs: 0, runMs: 0 } }),
  );
});
