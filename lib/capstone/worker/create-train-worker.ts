/** The literal `new Worker(new URL(...))` bundlers need to emit the training worker's chunk. */
export function createTrainWorker(): Worker {
  return new Worker(new URL("./train.worker.ts", import.meta.url), { type: "module", name: "capstone-trainer" });
}
