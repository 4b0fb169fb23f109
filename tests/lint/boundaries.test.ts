/**
 * The lint rules that keep the architecture (eslint.config.mjs) fire on the imports they exist
 * to stop, and stay quiet on the ones the architecture allows. Each case lints a snippet as if it
 * were a file at that path, so the test proves the guardrail, not just a clean tree.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";

type Case = [name: string, filePath: string, code: string];

const stopped: [...Case, RegExp][] = [
  ["lib imports a component", "lib/progress/probe.ts", 'import { LessonBody } from "@/components/lesson/lesson-body";\nexport const x = LessonBody;\n', /boundaries\/dependencies: lib\/ is the bottom layer/],
  ["lib imports the exercise registry", "lib/progress/probe.ts", 'import { exercises } from "@/exercises/registry";\nexport const x = exercises;\n', /boundaries\/dependencies: lib\/ never imports exercises\//],
  ["lib imports an exercise's meta.json", "lib/exercises/probe.ts", 'import meta from "../../exercises/softmax/meta.json";\nexport const x = meta;\n', /boundaries\/dependencies: lib\/ never imports exercises\//],
  ["lib imports a spec", "lib/grading/probe.ts", 'import spec from "../../exercises/softmax/spec";\nexport const x = spec;\n', /boundaries\/dependencies: lib\/ never imports exercises\//],
  ["a component imports app/", "components/ui/probe.tsx", 'import Page from "@/app/not-found";\nexport const x = Page;\n', /boundaries\/dependencies: components\/ never imports app\//],
  ["the exercise registry imports a solution", "exercises/probe.ts", 'import { softmax } from "./softmax/solution";\nexport const x = softmax;\n', /Reference solutions, wrong variants and hints never ship/],
  ["a component imports a wrong variant", "components/exercise/probe.ts", 'import { softmax } from "@/exercises/softmax/wrong/global-max";\nexport const x = softmax;\n', /Reference solutions, wrong variants and hints never ship/],
  ["a client component imports the database", "components/exercise/probe.tsx", '"use client";\nimport { db } from "@/lib/db/client";\nexport const x = db;\n', /academy\/client-no-server-only: "@\/lib\/db\/client" runs only on the server/],
  ["a client component imports the session", "components/exercise/probe.tsx", '"use client";\nimport { auth } from "@/lib/auth/session";\nexport const x = auth;\n', /academy\/client-no-server-only/],
  [
    "a client component reaches the database through a plain module",
    "components/exercise/probe.tsx",
    '"use client";\nimport { countUsers } from "@/tests/lint/fixtures/reads-the-database";\nexport const x = countUsers;\n',
    /academy\/client-no-server-only: "@\/tests\/lint\/fixtures\/reads-the-database" reaches the server-only "@\/lib\/db\/client"/,
  ],
  [
    "a client component reaches the database through two plain modules",
    "components/quiz/probe.tsx",
    '"use client";\nimport { label } from "@/tests/lint/fixtures/passes-the-database-on";\nexport const x = label;\n',
    /client-no-server-only: .*\(@\/tests\/lint\/fixtures\/passes-the-database-on -> @\/tests\/lint\/fixtures\/reads-the-database -> @\/lib\/db\/client\)/,
  ],
  [
    "a client component re-exports a module that reaches the session",
    "components/quiz/probe.tsx",
    '"use client";\nexport { signedInOrRedirect } from "@/lib/auth/page-guard";\n',
    /academy\/client-no-server-only: "@\/lib\/auth\/page-guard" reaches the server-only/,
  ],
  ["a spec imports the tfjs runtime", "exercises/softmax/spec.ts", 'import * as tf from "@tensorflow/tfjs";\nexport const x = tf;\n', /no-restricted-imports: .*Specs get tf from the grader/],
  ["a figure imports tfjs statically", "components/figures/probe.tsx", 'import * as tf from "@tensorflow/tfjs";\nexport const x = tf;\n', /no-restricted-imports: .*load TensorFlow.js lazily/],
  ["a figure imports every figure's English", "components/figures/probe.tsx", 'import { english } from "./text/en";\nexport const x = english;\n', /no-restricted-imports: .*only its own English/],
  ["the figure index imports React", "lib/content/figures.ts", 'import { useState } from "react";\nexport const x = useState;\n', /no-restricted-imports: .*plain data/],
  ["a module grows past 300 lines of code", "lib/progress/probe.ts", Array.from({ length: 301 }, (_, i) => `export const line${i} = ${i};\n`).join(""), /max-lines: File has too many lines \(301\)/],
  ["browser state imports zod", "lib/learner-state/probe.ts", 'import { z } from "zod";\nexport const x = z;\n', /no-restricted-imports: .*keep zod out/],
  ["browser state imports a server schema", "lib/learner-state/probe.ts", 'import { MERGE_MAX_LESSONS } from "@/lib/progress/schemas";\nexport const x = MERGE_MAX_LESSONS;\n', /no-restricted-imports: .*zod-free limits/],
];

const allowed: Case[] = [
  ["app imports components and lib", "app/probe/page.tsx", 'import { LessonBody } from "@/components/lesson/lesson-body";\nimport { db } from "@/lib/db/client";\nexport const x = [LessonBody, db];\n'],
  ["the graders' door to the exercises imports the registry", "lib/grading/exercise-code.ts", 'import { exercises } from "../../exercises/registry";\nexport const x = exercises;\n'],
  ["lib reaches exercise code through the door", "lib/verification/probe.ts", 'import { loadExerciseSpec } from "@/lib/grading/exercise-code";\nexport const x = loadExerciseSpec;\n'],
  ["a server component imports the database", "components/instructor/probe.tsx", 'import { db } from "@/lib/db/client";\nexport const x = db;\n'],
  ["a client component imports a type from a server module", "components/exercise/probe.tsx", '"use client";\nimport type { PrismaClient } from "@/lib/db/create-client";\nexport type X = PrismaClient;\n'],
  ["a client component imports a plain module that names database types only", "components/exercise/probe.tsx", '"use client";\nimport { tableCount } from "@/tests/lint/fixtures/names-database-types";\nexport const x = tableCount;\n'],
  ["a client component imports a server action", "components/exercise/probe.tsx", '"use client";\nimport { countUsersAction } from "@/tests/lint/fixtures/server-action";\nexport const x = countUsersAction;\n'],
  ["a client component imports a plain module without server imports", "components/quiz/probe.tsx", '"use client";\nimport { parseNumber } from "@/components/quiz/quiz-draft";\nexport const x = parseNumber;\n'],
  ["a figure imports its own English", "components/figures/probe.tsx", 'import probeEnglish from "./text/en/tokenizer.json";\nexport const x = probeEnglish;\n'],
  ["a spec imports tfjs types", "exercises/softmax/spec.ts", 'import type * as tf from "@tensorflow/tfjs";\nexport type X = tf.Tensor;\n'],
  ["a test imports a solution", "exercises/probe.test.ts", 'import { softmax } from "./softmax/solution";\nexport const x = softmax;\n'],
];

const results = new Map<string, string[]>();

beforeAll(() => {
  const cases = [...stopped, ...allowed].map(([, filePath, code]) => ({ filePath, code }));
  const run = spawnSync(process.execPath, [path.join(__dirname, "lint-snippets.mjs")], { input: JSON.stringify(cases), encoding: "utf8", cwd: process.cwd() });
  if (run.status !== 0) throw new Error(`lint-snippets failed: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as string[][];
  [...stopped, ...allowed].forEach(([name], i) => results.set(name, out[i]));
}, 120_000);

describe("architecture lint rules", () => {
  it.each(stopped)("stop %s", (name, _file, _code, expected) => {
    const found = results.get(name) ?? [];
    expect({ name, caught: found.some((p) => expected.test(p)), found }).toMatchObject({ name, caught: true });
  });

  it.each(allowed)("allow %s", (name) => {
    expect(results.get(name)).toEqual([]);
  });
});
