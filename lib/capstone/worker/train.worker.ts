/**
 * The capstone training worker: the model trains here so the page never freezes. Backends are
 * initialised first (WASM loads its binaries from the site as modules: wasm-binaries.ts), the IndexedDB factory is kept,
 * then the worker locks away the network and storage as the grader does (learner code runs in
 * here), and finally a saved run is restored.
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import corpus from "@/content/capstone/corpus.json";
import { lockDownGlobals } from "@/lib/grading/worker/lockdown";
import { registerWasmExtras } from "../wasm-kernels";
import { backendChoice, initialiseBackends } from "./backend";
import type { PageToWorker, WorkerToPage } from "./protocol";
import { indexedDbRunStore } from "./saved-run";
import { fetchWasmThroughModules, WASM_PREFIX } from "./wasm-binaries";
import { TrainingSession } from "./training-session";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = scope.postMessage.bind(scope);
const idb = scope.indexedDB;

// `true`: tfjs loads the binary through its platform fetch, which answers from the module.
setWasmPaths(WASM_PREFIX, true);
const platform = tf.env().platform;
platform.fetch = fetchWasmThroughModules(platform.fetch.bind(platform), (url) => import(/* turbopackIgnore: true */ /* webpackIgnore: true */ url));
registerWasmExtras();

const ready = (async () => {
  const available = await initialiseBackends();
  lockDownGlobals(scope);
  const session = new TrainingSession({
    text: corpus.text,
    store: indexedDbRunStore(idb),
    post: (message: WorkerToPage) => post(message),
    backends: backendChoice(available),
    yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
  await session.restore();
  return session;
})();

ready.catch((error) => post({ type: "failed", message: `The trainer could not start: ${error instanceof Error ? error.message : String(error)}` } satisfies WorkerToPage));

scope.addEventListener("message", (event: MessageEvent<PageToWorker>) => {
  void ready.then((session) => session.handle(event.data)).catch((error) => post({ type: "failed", message: String(error) } satisfies WorkerToPage));
});

