/**
 * Command-line grader: the same harness and specs as the browser, on tfjs's CPU backend.
 *
 *   npx tsx scripts/grade.ts <exercise-id> <path/to/file.ts> [--json] [--locale en|zh]
 *
 * `--locale zh` reports test names and messages in Chinese (the verdicts are the same).
 *
 * Exit status: 0 every test passed; 1 a test failed or the file did not compile;
 * 2 usage error, unknown exercise, unreadable file, or the grader itself crashed.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { exercises } from "../exercises/registry";
import { GRADING_LOCALES, isGradingLocale, type GradingLocale } from "../lib/grading/messages";
import type { GradeReport, Tf, TestResult } from "../lib/grading/types";

const USAGE = "Usage: npx tsx scripts/grade.ts <exercise-id> <path/to/file.ts> [--json] [--locale en|zh]";
const EXIT_PASSED = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

interface Args {
  id: string;
  file: string;
  json: boolean;
  locale: GradingLocale;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  let json = false;
  let locale: GradingLocale = "en";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (arg === "--locale" || arg.startsWith("--locale=")) {
      const value = arg === "--locale" ? argv[++i] : arg.slice("--locale=".length);
      if (!isGradingLocale(value)) throw new UsageError(`--locale must be one of ${GRADING_LOCALES.join(", ")} (got ${value ?? "nothing"})`);
      locale = value;
    } else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new UsageError(positional.length < 2 ? "Missing arguments" : "Too many arguments");
  return { id: positional[0], file: positional[1], json, locale };
}

/**
 * The pure-JS CPU backend, as in the browser worker, without tfjs's "use tfjs-node" banner.
 * Loaded only once the arguments are known to be good, so usage errors answer at once.
 */
async function loadTf(): Promise<Tf> {
  const tf = await import("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  await tf.ready();
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && /running TensorFlow\.js in Node/i.test(args[0])) return;
    warn(...args);
  };
  try {
    // The banner is printed on the backend's first tensor write.
    tf.tidy(() => tf.scalar(0));
  } finally {
    console.warn = warn;
  }
  return tf;
}

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => pad + line)
    .join("\n");
}

function labelled(label: string, text: string): string {
  const [first, ...rest] = text.split("\n");
  const pad = " ".repeat(label.length);
  return [label + first, ...rest.map((line) => pad + line)].join("\n");
}

function formatTest(test: TestResult): string {
  const status = { pass: "PASS ", fail: "FAIL ", error: "ERROR" }[test.status];
  const lines = [`${status}  ${test.name}`];
  const details: string[] = [];
  if (test.message) details.push(test.message);
  if (test.expected !== undefined) details.push(labelled("expected: ", test.expected));
  if (test.actual !== undefined) details.push(labelled("actual:   ", test.actual));
  if (test.output && test.output.length > 0) details.push(`output:\n${indent(test.output.join("\n"), 2)}`);
  if (test.leakedTensors) details.push(`note: ${test.leakedTensors} tensor(s) left undisposed; wrap intermediate steps in tf.tidy`);
  if (details.length > 0) lines.push(indent(details.join("\n"), 7));
  return lines.join("\n");
}

function formatReport(report: GradeReport, file: string): string {
  const passed = report.tests.filter((t) => t.status === "pass").length;
  return [`${report.exercise}: ${file}`, ...report.tests.map(formatTest), `${passed} / ${report.tests.length} tests passed`].join("\n");
}

function toJson(report: GradeReport): string {
  const tests = report.tests.map(({ name, status, message, ...details }) => ({ name, status, message: message ?? null, ...details }));
  return JSON.stringify({ exercise: report.exercise, passed: report.passed, tests }, null, 2);
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return EXIT_USAGE;
  }

  if (!exercises.some((e) => e.meta.id === args.id)) {
    console.error(`Unknown exercise "${args.id}". Known exercises: ${exercises.map((e) => e.meta.id).join(", ")}`);
    return EXIT_USAGE;
  }

  let source: string;
  try {
    source = readFileSync(resolve(args.file), "utf8");
  } catch (error) {
    console.error(`Cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_USAGE;
  }

  const tf = await loadTf();
  const { gradeExercise, UnknownExerciseError } = await import("../lib/grading/grade-exercise");
  let report: GradeReport;
  try {
    report = await gradeExercise({ id: args.id, source, tf, locale: args.locale });
  } catch (error) {
    if (error instanceof UnknownExerciseError) {
      console.error(error.message);
      return EXIT_USAGE;
    }
    throw error;
  }

  console.log(args.json ? toJson(report) : formatReport(report, args.file));
  return report.passed ? EXIT_PASSED : EXIT_FAILED;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = EXIT_USAGE;
  },
);
