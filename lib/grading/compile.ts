/**
 * Turns a learner's TypeScript module into its exports: transpile with sucrase
 * (line numbers preserved), check imports and forbidden functions statically,
 * then evaluate with `new Function` and a `require` that only knows the modules
 * the exercise allows. Runs unchanged in a browser Web Worker and in Node.
 */
import { transform } from "sucrase";
import type { Tf } from "./types";
import { english, type Translator } from "./messages";
import { findForbiddenUses, findImports, type SourceLocation } from "./source-scan";
import { missingPieceMessage } from "./provided/pieces";

export const TFJS_MODULE = "@tensorflow/tfjs";
export const PROVIDED_MODULE = "@academy/provided";
/** The file name learner code gets in stack traces (via //# sourceURL). */
export const LEARNER_FILE = "learner.ts";

export interface CompileProblem {
  message: string;
  line?: number;
  column?: number;
}

/** The console methods learner code may call; the runner supplies a capturing one. */
export type LearnerConsole = Pick<Console, "log" | "info" | "warn" | "error" | "debug">;

export interface CompileOptions {
  source: string;
  tf: Tf;
  /** Names the module must export (all functions). */
  exports: readonly string[];
  /** tf functions the learner may not call. */
  forbid?: readonly string[];
  /** What to use instead, for the "not allowed" message. */
  forbidReason?: string;
  /** The "@academy/provided" module (./provided/pieces.ts buildProvided), when the exercise's meta lists pieces. */
  provided?: Record<string, unknown>;
  /** Listed pieces the learner has no passing code for yet: importing one by name is a compile error. */
  providedMissing?: readonly string[];
  /** Passed to the module as its `console`. Defaults to a console that discards everything. */
  console?: LearnerConsole;
  /** The learner's language for every message (default English). */
  translator?: Translator;
}

export type CompileResult =
  | { ok: true; exports: Record<string, unknown> }
  | { ok: false; error: CompileProblem };

export function forbiddenMessage(
  name: string,
  reason: string | undefined,
  form: "namespace" | "chained" | "named-import" = "namespace",
  t: Translator = english,
): string {
  const what = t.msg(form === "chained" ? "forbid.chained" : form === "named-import" ? "forbid.named-import" : "forbid.namespace", { name });
  const said = reason ? t.specText(reason) : t.msg("forbid.default-reason");
  return t.msg("forbid.message", { what, reason: said.replace(/[.\s。]+$/, "") });
}

function importNotAllowed(hasProvided: boolean, specifier: string, t: Translator): string {
  const params = { tfjs: TFJS_MODULE, provided: PROVIDED_MODULE, specifier };
  return t.msg(hasProvided ? "compile.only-tfjs-provided" : "compile.only-tfjs", params);
}

/**
 * The grader's own machinery (the engine, backends, the kernel and gradient registries, flags):
 * replacing a kernel or a backend method would change what the tests measure, and no exercise
 * needs them. Learner code gets a stub that says so.
 */
export const ENGINE_ONLY = [
  "engine",
  "backend",
  "findBackend",
  "findBackendFactory",
  "registerBackend",
  "removeBackend",
  "setBackend",
  "registerKernel",
  "unregisterKernel",
  "getKernel",
  "getKernelsForBackend",
  "copyRegisteredKernels",
  "registerGradient",
  "unregisterGradient",
  "getGradient",
  "env",
  "ENV",
  "setPlatform",
] as const;

export const engineOnlyMessage = (name: string) =>
  `tf.${name} is not available to exercise code: it reaches the grader's own machinery. The exercise needs only tensor operations.`;

/** A copy of the tf namespace with forbidden functions, and the engine's, replaced by ones that throw. */
function restrictedTf(tf: Tf, forbid: readonly string[], reason: string | undefined, t: Translator): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  // for..in works for both an ES module namespace (browser) and a CommonJS exports object (Node).
  for (const key in tf) copy[key] = (tf as unknown as Record<string, unknown>)[key];
  for (const name of ENGINE_ONLY) {
    if (!(name in copy)) continue;
    const stub = () => {
      throw new Error(engineOnlyMessage(name));
    };
    if (typeof copy[name] === "function") copy[name] = stub;
    else Object.defineProperty(copy, name, { get: stub, enumerable: true });
  }
  for (const name of forbid) {
    copy[name] = () => {
      throw new Error(forbiddenMessage(name, reason, "namespace", t));
    };
  }
  // Sucrase's interop returns an __esModule object as it is.
  Object.defineProperty(copy, "__esModule", { value: true });
  return Object.freeze(copy);
}

const STACK_LOCATION = new RegExp(`${LEARNER_FILE.replace(".", "\\.")}:(\\d+):(\\d+)`);
const FUNCTION_PARAMS = ["require", "exports", "module", "console"] as const;
const SOURCE_URL = `\n//# sourceURL=${LEARNER_FILE}`;

/** How many lines the engine's `new Function` wrapper adds before the body (2 in V8); null if stacks do not show it. */
let lineOffset: number | null | undefined;

function measureLineOffset(): number | null {
  if (lineOffset !== undefined) return lineOffset;
  try {
    new Function(...FUNCTION_PARAMS, `throw new Error("probe");${SOURCE_URL}`)();
    lineOffset = null;
  } catch (error) {
    const match = error instanceof Error && error.stack ? STACK_LOCATION.exec(error.stack) : null;
    lineOffset = match ? Number(match[1]) - 1 : null;
  }
  return lineOffset;
}

/** The line in the learner's file of the first stack frame inside their code, if any. */
export function learnerLineFromError(error: unknown): number | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  const offset = measureLineOffset();
  const match = STACK_LOCATION.exec(stack);
  if (!match || offset === null) return undefined;
  const line = Number(match[1]) - offset;
  return line >= 1 ? line : undefined;
}

/** "TypeError: x is undefined", or just the message for a plain Error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== "Error" ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}

const silentConsole: LearnerConsole = { log() {}, info() {}, warn() {}, error() {}, debug() {} };

function transpile(source: string, t: Translator): { code: string } | { problem: CompileProblem } {
  try {
    return { code: transform(source, { transforms: ["typescript", "imports"], filePath: LEARNER_FILE }).code };
  } catch (error) {
    const loc = (error as { loc?: SourceLocation }).loc;
    const raw = error instanceof Error ? error.message : String(error);
    const message = raw.replace(/^Error transforming [^:]*:\s*/, "").replace(/\s*\(\d+:\d+\)\s*$/, "");
    return { problem: { message: t.msg("compile.syntax", { detail: message }), line: loc?.line, column: loc?.column } };
  }
}

function checkStatically(opts: CompileOptions, t: Translator): CompileProblem | undefined {
  const hasProvided = opts.provided !== undefined;
  for (const entry of findImports(opts.source)) {
    const allowed = entry.specifier === TFJS_MODULE || (hasProvided && entry.specifier === PROVIDED_MODULE);
    if (!allowed) {
      return { message: importNotAllowed(hasProvided, entry.specifier, t), line: entry.line, column: entry.column };
    }
    if (entry.specifier === PROVIDED_MODULE) {
      const absent = entry.namedImports.find((name) => !(name in (opts.provided ?? {})));
      if (absent) return { message: `@academy/provided has no piece named ${absent} in this exercise.`, line: entry.line, column: entry.column };
      const missing = entry.namedImports.find((name) => opts.providedMissing?.includes(name));
      if (missing) return { message: missingPieceMessage(missing), line: entry.line, column: entry.column };
    }
  }
  const forbidden = findForbiddenUses(opts.source, opts.forbid ?? [], TFJS_MODULE);
  if (forbidden.length > 0) {
    const first = forbidden[0];
    return { message: forbiddenMessage(first.name, opts.forbidReason, first.form, t), line: first.line, column: first.column };
  }
  return undefined;
}

function describeExport(value: unknown, t: Translator): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  return t.msg("kind.other", { type: typeof value });
}

export function compileLearnerModule(opts: CompileOptions): CompileResult {
  const t = opts.translator ?? english;
  const transpiled = transpile(opts.source, t);
  if ("problem" in transpiled) return { ok: false, error: transpiled.problem };

  const staticProblem = checkStatically(opts, t);
  if (staticProblem) return { ok: false, error: staticProblem };

  const tfForLearner = restrictedTf(opts.tf, opts.forbid ?? [], opts.forbidReason, t);
  // Handed over as it is: its getters only run when the learner's code reads a piece.
  const provided = opts.provided;
  const requireModule = (name: string): unknown => {
    if (name === TFJS_MODULE) return tfForLearner;
    if (name === PROVIDED_MODULE && provided) return provided;
    throw new Error(importNotAllowed(provided !== undefined, name, t));
  };

  let factory: (...args: unknown[]) => unknown;
  try {
    factory = new Function(...FUNCTION_PARAMS, transpiled.code + SOURCE_URL) as typeof factory;
  } catch (error) {
    // Syntax sucrase lets through (e.g. `await` outside an async function); engines give no position.
    return { ok: false, error: { message: t.msg("compile.syntax", { detail: error instanceof Error ? error.message : String(error) }) } };
  }

  const moduleObject: { exports: Record<string, unknown> } = { exports: {} };
  try {
    factory(requireModule, moduleObject.exports, moduleObject, opts.console ?? silentConsole);
  } catch (error) {
    return { ok: false, error: { message: t.msg("compile.threw", { error: describeError(error) }), line: learnerLineFromError(error) } };
  }

  const exported = moduleObject.exports;
  for (const name of opts.exports) {
    if (!(name in exported)) {
      const found = Object.keys(exported).filter((key) => key !== "__esModule");
      const foundText = found.length > 0 ? t.msg("compile.exports-list", { names: found.join(", ") }) : t.msg("compile.exports-nothing");
      return { ok: false, error: { message: t.msg("compile.missing-export", { name, found: foundText }) } };
    }
    if (typeof exported[name] !== "function") {
      return { ok: false, error: { message: t.msg("compile.not-function", { name, kind: describeExport(exported[name], t) }) } };
    }
  }
  return { ok: true, exports: exported };
}
