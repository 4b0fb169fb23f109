/**
 * A hard stop behind QuickJS's own limits: the verification worker runs the sandbox in a
 * worker thread and terminates the thread if a run outlasts its time limit by WATCHDOG_GRACE_MS.
 * QuickJS checks its deadline only while it interprets JavaScript, so a run stuck elsewhere (a
 * long garbage collection, the engine itself) would otherwise hold the worker. Terminating the
 * thread ends whatever it was doing, WebAssembly included; the next run gets a fresh thread.
 * The thread also has its own V8 heap limit, so even a leak in the host code around QuickJS
 * cannot grow the worker process without bound.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SandboxLimits, SandboxOutcome } from "./quickjs-sandbox";

export const WATCHDOG_GRACE_MS = 20_000;
const THREAD_HEAP_MB = 512;

export interface SandboxThread {
  run(exerciseId: string, source: string, limits: SandboxLimits): Promise<SandboxOutcome>;
  close(): Promise<void>;
}

export function startSandboxThread(options: { graceMs?: number } = {}): SandboxThread {
  const graceMs = options.graceMs ?? WATCHDOG_GRACE_MS;
  let worker: Worker | undefined;
  let nextId = 0;
  const spawn = () =>
    new Worker(path.join(__dirname, "thread-entry.cjs"), { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });

  return {
    run(exerciseId, source, limits) {
      worker ??= spawn();
      const thread = worker;
      const id = ++nextId;
      const started = Date.now();
      return new Promise<SandboxOutcome>((resolve) => {
        const finish = (outcome: SandboxOutcome) => {
          clearTimeout(timer);
          thread.off("message", onMessage);
          thread.off("error", onError);
          thread.off("exit", onExit);
          resolve(outcome);
        };
        const lost = (message: string): SandboxOutcome => ({ kind: "error", message, loadMs: 0, runMs: Date.now() - started });
        const onMessage = (message: { id: number; outcome: SandboxOutcome }) => message.id === id && finish(message.outcome);
        const onError = (error: Error) => {
          if (worker === thread) worker = undefined;
          finish(lost(`The server's grader stopped: ${error.message}`));
        };
        const onExit = () => {
          if (worker === thread) worker = undefined;
          finish(lost("The server's grader stopped while checking this run."));
        };
        const timer = setTimeout(() => {
          if (worker === thread) worker = undefined;
          void thread.terminate();
          finish(lost(`Your code ran longer than the ${limits.timeLimitMs / 1000} s time limit and the server stopped its grader.`));
        }, limits.timeLimitMs + graceMs);
        thread.on("message", onMessage);
        thread.on("error", onError);
        thread.on("exit", onExit);
        thread.postMessage({ id, exerciseId, source, limits });
      });
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
