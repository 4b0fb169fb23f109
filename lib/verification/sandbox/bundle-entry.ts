/**
 * The program that runs inside the verification sandbox (bundled by ./bundle.ts into one
 * script with TensorFlow.js, the grading harness and every exercise spec). It installs one
 * global, `__academyVerify(id, source, providedJson?)`, which grades with the same `gradeExercise` as
 * `npm run grade` and the browser worker and resolves to the report as a JSON string.
 * The built-ins are frozen before the first learner code runs (./harden.ts).
 */
import * as tf from "@tensorflow/tfjs";
import { gradeExercise } from "../../grading/grade-exercise";
import { exerciseEntries as exercises } from "../../grading/exercise-code";
import { hardenRealm } from "./harden";
import { installSandboxPlatform, installTextCoding } from "./platform";

const stringify = JSON.stringify;
let prepared: Promise<void> | undefined;

async function prepare(): Promise<void> {
  installSandboxPlatform(tf);
  installTextCoding();
  if (!(await tf.setBackend("cpu"))) throw new Error("The CPU backend did not start");
  await tf.ready();
  // Load every spec now, so no module code is first evaluated after the freeze.
  for (const entry of exercises) await entry.loadSpec();
  tf.tidy(() => tf.scalar(0));
  const engine = tf.engine() as unknown as object;
  hardenRealm([
    Object.getPrototypeOf(engine),
    tf.Tensor.prototype,
    tf.Variable.prototype,
    Object.getPrototypeOf(tf.backend()),
  ]);
}

async function verify(id: string, source: string, providedJson?: string): Promise<string> {
  prepared ??= prepare();
  await prepared;
  const providedSources = typeof providedJson === "string" ? (JSON.parse(providedJson) as Record<string, string>) : undefined;
  const report = await gradeExercise({ id: String(id), source: String(source), tf, providedSources });
  return stringify(report);
}

Object.defineProperty(globalThis, "__academyVerify", { value: verify, writable: false, configurable: false });
