/**
 * Checks every exercise folder (every folder here with a meta.json): its metadata,
 * its texts, that the reference solution passes and every starter and known-wrong
 * variant fails, that the registry lists it, and that its TypeScript type-checks.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { exerciseMetaSchema } from "../lib/grading/meta-schema";
import { referenceSources } from "../lib/grading/provided/reference-sources";
import { gradeSource } from "../lib/grading/run";
import type { ExerciseMeta, ExerciseSpec, GradeReport } from "../lib/grading/types";
import { exercises as registry } from "./registry";

const root = resolve(__dirname, "..");
const exercisesDir = __dirname;
const read = (...parts: string[]) => readFileSync(join(exercisesDir, ...parts), "utf8");

const ids = readdirSync(exercisesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(exercisesDir, entry.name, "meta.json")))
  .map((entry) => entry.name)
  .sort();

/** Lesson slug -> chapter number, from the lesson table of docs/content-guide.md and content/course.json. */
function lessonChapters(): Map<string, number> {
  const guide = readFileSync(join(root, "docs", "content-guide.md"), "utf8");
  const course = JSON.parse(readFileSync(join(root, "content", "course.json"), "utf8")) as {
    chapters: Array<{ slug: string; number: number }>;
  };
  const chapterNumbers = new Map(course.chapters.map((c) => [c.slug, c.number]));
  const lessons = new Map<string, number>();
  for (const match of guide.matchAll(/^\|\s*([a-z-]+)\s*\|\s*\d+\s*\|\s*([a-z0-9-]+)\s*\|/gm)) {
    const chapter = chapterNumbers.get(match[1]);
    if (chapter !== undefined) lessons.set(match[2], chapter);
  }
  return lessons;
}

const lessons = lessonChapters();

function tsFiles(id: string, folder: "wrong" | "alternatives"): string[] {
  const dir = join(exercisesDir, id, folder);
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".ts")).sort() : [];
}
const wrongFiles = (id: string) => tsFiles(id, "wrong");
/** Optional: other correct implementations (loops, tf.where masking, ...) the spec must accept too. */
const alternativeFiles = (id: string) => tsFiles(id, "alternatives");

async function loadSpec(id: string): Promise<ExerciseSpec> {
  const specModule = (await import(join(exercisesDir, id, "spec"))) as { default: ExerciseSpec };
  return specModule.default;
}

async function grade(id: string, file: string): Promise<GradeReport> {
  const meta = JSON.parse(read(id, "meta.json")) as ExerciseMeta;
  const provided = meta.provided ? { names: meta.provided, sources: referenceSources(meta.provided, root) } : undefined;
  return gradeSource({ spec: await loadSpec(id), source: read(id, file), tf, provided });
}

/** The non-passing tests, for a readable failure message. */
function problems(report: GradeReport): string {
  return report.tests
    .filter((t) => t.status !== "pass")
    .map((t) => `${t.status.toUpperCase()} ${t.name}: ${t.message ?? ""}`)
    .join("\n");
}

beforeAll(async () => {
  await tf.setBackend("cpu");
});

it("finds the exercise folders", () => {
  expect(ids.length).toBeGreaterThanOrEqual(6);
  expect(lessons.size).toBeGreaterThanOrEqual(20);
});

describe.each(ids)("exercise %s", (id) => {
  it("has a valid meta.json whose id is the folder name and whose lesson exists", () => {
    const meta = exerciseMetaSchema.parse(JSON.parse(read(id, "meta.json")));
    expect(meta.id).toBe(id);
    expect([...lessons.keys()]).toContain(meta.lesson);
    expect(meta.chapter).toBe(lessons.get(meta.lesson));
  });

  it("has a brief of 80-250 words (code blocks not counted)", () => {
    const prose = read(id, "brief.md").replace(/^```[\s\S]*?^```/gm, " ");
    const words = prose.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(80);
    expect(words).toBeLessThanOrEqual(250);
  });

  it("has at least three progressive hints headed ## Hint 1, ## Hint 2, ...", () => {
    const hints = read(id, "hints.md");
    const headings = [...hints.matchAll(/^## (.*)$/gm)].map((m) => m[1].trim());
    expect(headings.length).toBeGreaterThanOrEqual(3);
    expect(headings).toEqual(headings.map((_, i) => `Hint ${i + 1}`));
    const bodies = hints.split(/^## Hint \d+\s*$/m).slice(1);
    for (const body of bodies) expect(body.trim().length).toBeGreaterThan(20);
  });

  it("has at least three known-wrong variants, each starting with a comment saying what is wrong", () => {
    const files = wrongFiles(id);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(read(id, "wrong", file).split("\n")[0]).toMatch(/^\/\/ \S.{10,}/);
  });

  it("has a spec for this exercise with named tests of its own", async () => {
    const spec = await loadSpec(id);
    expect(spec.exercise).toBe(id);
    expect(spec.exports.length).toBeGreaterThan(0);
    expect(spec.tests.length).toBeGreaterThanOrEqual(3);
    expect(new Set(spec.tests.map((t) => t.name)).size).toBe(spec.tests.length);
  });

  it("passes every test with the reference solution, without leaking tensors", async () => {
    const report = await grade(id, "solution.ts");
    expect(problems(report)).toBe("");
    expect(report.passed).toBe(true);
    expect(report.leakedTensors ?? 0).toBe(0);
  });

  it("fails at least one test with the starter", async () => {
    const report = await grade(id, "starter.ts");
    expect(report.compileError).toBeUndefined();
    expect(report.passed).toBe(false);
  });

  const alternatives = alternativeFiles(id);
  if (alternatives.length > 0) {
    it.each(alternatives)("passes every test with the other correct implementation alternatives/%s", async (file) => {
      const report = await grade(id, join("alternatives", file));
      expect(problems(report)).toBe("");
      expect(report.passed).toBe(true);
    });
  }

  // (An empty table is an error in Jest; the count check above reports a missing wrong/ folder.)
  const wrong = wrongFiles(id);
  if (wrong.length > 0) {
    it.each(wrong)("fails at least one test with wrong/%s", async (file) => {
      const report = await grade(id, join("wrong", file));
      expect(report.passed).toBe(false);
    });
  }
});

describe("exercises/registry.ts", () => {
  it("lists every exercise folder exactly once", () => {
    const listed = registry.map((entry) => entry.meta.id);
    expect([...listed].sort()).toEqual(ids);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("loads each exercise's own spec", async () => {
    for (const entry of registry) {
      const spec = await entry.loadSpec();
      expect(spec.exercise).toBe(entry.meta.id);
    }
  });

});

describe("TypeScript", () => {
  it("type-checks every starter, solution, spec and alternative (strict, tfjs types, @academy/provided)", () => {
    const files = ids.flatMap((id) => [
      ...["starter.ts", "solution.ts", "spec.ts"].map((file) => join(exercisesDir, id, file)),
      ...alternativeFiles(id).map((file) => join(exercisesDir, id, "alternatives", file)),
    ]);
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
      skipLibCheck: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      isolatedModules: true,
      baseUrl: root,
      paths: { "@academy/provided": ["lib/grading/provided/declarations.d.ts"] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    const text = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => root,
      getNewLine: () => "\n",
    });
    expect(text.split(root + "/").join("")).toBe("");
  }, 120_000);
});
