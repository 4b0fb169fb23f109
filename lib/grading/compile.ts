/**
 * Turns a learner's TypeScript module into its exports: transpile with sucrase
 * (line numbers preserved), check imports and forbidden functions statically,
 * then evaluate with `new Function` and a `require` that only knows the modules
 * the exercise allows. Runs unchanged in a browser Web Worker and in Node.
 */
import { transform } from "sucrase";
import type { Tf } from "./types";
import { english, type Translator } from "./messages";
import { Lru } from "./lru";
import { findForbiddenUses, findImports, type ForbiddenUse, type ImportFound, type SourceLocation } from "./source-scan";
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

/**
 * A frozen copy of the tf namespace with the forbidden functions, and the engine's, replaced by
 * ones that throw `forbidMessages[i]`. Built once per worker for each set of forbidden names and
 * messages (copying the namespace's ~1,500 entries took milliseconds every run); nothing in it can
 * change: the copy and its stubs are frozen, the rest are tfjs's own functions, which every run
 * reaches anyway.
 */
function restrictedTf(tf: Tf, forbid: readonly string[], forbidMessages: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  // for..in works for both an ES module namespace (browser) and a CommonJS exports object (Node).
  for (const key in tf) copy[key] = (tf as unknown as Record<string, unknown>)[key];
  for (const name of ENGINE_ONLY) {
    if (!(name in copy)) continue;
    const stub = Object.freeze(() => {
      throw new Error(engineOnlyMessage(name));
    });
    if (typeof copy[name] === "function") copy[name] = stub;
    else Object.defineProperty(copy, name, { get: stub, enumerable: true });
  }
  forbid.forEach((name, i) => {
    copy[name] = Object.freeze(() => {
      throw new Error(forbidMessages[i]);
    });
  });
  // Sucrase's interop returns an __esModule object as it is.
  Object.defineProperty(copy, "__esModule", { value: true });
  return Object.freeze(copy);
}

const restrictedTfs = new WeakMap<object, Lru<string, Record<string, unknown>>>();

function restrictedTfFor(tf: Tf, forbid: readonly string[], reason: string | undefined, t: Translator): Record<string, unknown> {
  const messages = forbid.map((name) => forbiddenMessage(name, reason, "namespace", t));
  let copies = restrictedTfs.get(tf);
  if (!copies) restrictedTfs.set(tf, (copies = new Lru(8)));
  return copies.getOrCreate(JSON.stringify([forbid, messages]), () => restrictedTf(tf, forbid, messages));
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

// Frozen: it is shared by every module compiled without a console of its own.
const silentConsole: LearnerConsole = Object.freeze({ log() {}, info() {}, warn() {}, error() {}, debug() {} });

/** What a source compiles to whatever the run: sucrase's output or error, and what the static scan found. */
interface SourceAnalysis {
  transpiled: { code: string } | { error: { detail: string; line?: number; column?: number } };
  imports: ImportFound[];
  forbidden: ForbiddenUse[];
}

/**
 * Sucrase and the scans are the compile's main cost (a few ms each) and depend on the text alone,
 * so the last few sources are remembered: re-running unchanged code, or the provided pieces every
 * run sends again, skips them. Only this derived text is kept; the module itself is evaluated
 * afresh every run (compileLearnerModule), so no state of one run's code reaches the next.
 * docs/decisions/034-grader-warm-path.md.
 */
const analyses = new Lru<string, SourceAnalysis>(16);

function analyse(source: string, forbid: readonly string[]): SourceAnalysis {
  return analyses.getOrCreate(`${forbid.join(",")}\n${source}`, () => {
    let code: string;
    try {
      code = transform(source, { transforms: ["typescript", "imports"], filePath: LEARNER_FILE }).code;
    } catch (error) {
      const loc = (error as { loc?: SourceLocation }).loc;
      const raw = error instanceof Error ? error.message : String(error);
      const detail = raw.replace(/^Error transforming [^:]*:\s*/, "").replace(/\s*\(\d+:\d+\)\s*$/, "");
      // The scans are for code that compiled.
      return { transpiled: { error: { detail, line: loc?.line, column: loc?.column } }, imports: [], forbidden: [] };
    }
    return { transpiled: { code }, imports: findImports(source), forbidden: findForbiddenUses(source, forbid, TFJS_MODULE) };
  });
}

function checkStatically(opts: CompileOptions, analysis: SourceAnalysis, t: Translator): CompileProblem | undefined {
  const hasProvided = opts.provided !== undefined;
  for (const entry of analysis.imports) {
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
  const first = analysis.forbidden[0];
  if (first) return { message: forbiddenMessage(first.name, opts.forbidReason, first.form, t), line: first.line, column: first.column };
  return undefined;
}

function describeExport(value: unknown, t: Translator): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  return t.msg("kind.other", { type: typeof value });
}

export function compileLearnerModule(opts: CompileOptions): CompileResult {
  const t = opts.translator ?? english;
  const analysis = analyse(opts.source, opts.forbid ?? []);
  const { transpiled } = analysis;
  if ("error" in transpiled) {
    const { detail, line, column } = transpiled.error;
    return { ok: false, error: { message: t.msg("compile.syntax", { detail }), line, column } };
  }

  const staticProblem = checkStatically(opts, analysis, t);
  if (staticProblem) return { ok: false, error: staticProblem };

  const tfForLearner = restrictedTfFor(opts.tf, opts.forbid ?? [], opts.forbidReason, t);
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
