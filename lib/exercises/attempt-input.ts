/**
 * What one "Run tests" sends to the server (POST /api/exercises/<id>/attempts), and what an
 * anonymous learner's browser keeps in localStorage `academy:exercise-runs` for the sign-in
 * merge. Framework-free and database-free, so the progress merge and tests can use it.
 */
import { z } from "zod";
import { text } from "../validation/text";
import { EXERCISE_LIMITS as L, utf8Bytes } from "./limits";

const limited = (what: string, max: number) => text(what).max(max, `${what} is longer than ${max} characters`);

export const testResultSchema = z.object({
  name: text("a test name").min(1, "a test has no name").max(L.nameChars, `a test name is longer than ${L.nameChars} characters`),
  status: z.enum(["pass", "fail", "error"], { message: 'status must be "pass", "fail" or "error"' }),
  message: limited("a message", L.textChars).optional(),
  expected: limited("an expected value", L.textChars).optional(),
  actual: limited("an actual value", L.textChars).optional(),
  output: z
    .array(limited("a console line", L.outputLineChars))
    .max(L.outputLines, `a test kept more than ${L.outputLines} console lines`)
    .optional(),
  durationMs: z.number().min(0).max(600_000).optional(),
  line: z.number().int().min(1).optional(),
  leakedTensors: z.number().int().min(0).optional(),
});

/** Epoch milliseconds or an ISO date; used only when a stored anonymous run is merged. */
const createdAt = z.union([z.number().finite(), z.iso.datetime({ offset: true })]).transform((value) => new Date(value));

export const attemptInputSchema = z
  .object({
    clientRunId: z.uuid({ message: "clientRunId must be a UUID" }),
    code: text("code")
      .refine((code) => utf8Bytes(code) <= L.codeBytes, `code is larger than ${L.codeBytes / 1024} KB`),
    passed: z.boolean(),
    testsPassed: z.number().int().min(0),
    testsTotal: z.number().int().min(1).max(L.testsTotal),
    results: z.array(testResultSchema).max(L.results, `results has more than ${L.results} entries`),
    durationMs: z.number().min(0).max(600_000),
    /** When the run happened, for runs kept in the browser and merged later. Defaults to now. */
    createdAt: createdAt.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.testsPassed > input.testsTotal) {
      ctx.addIssue({ code: "custom", path: ["testsPassed"], message: "testsPassed is larger than testsTotal" });
    }
    if (input.passed !== (input.testsPassed === input.testsTotal)) {
      ctx.addIssue({
        code: "custom",
        path: ["passed"],
        message: "passed must be true exactly when every test passed (testsPassed equals testsTotal)",
      });
    }
  });

export type AttemptInput = z.input<typeof attemptInputSchema>;
export type ParsedAttemptInput = z.output<typeof attemptInputSchema>;
