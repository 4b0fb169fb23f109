/** The summary of a finished capstone run a signed-in learner's browser sends (validated here, 422 otherwise). */
import { z } from "zod";
import { PIECE_IDS } from "./pieces";
import { trainingSettingsSchema } from "./settings";

const loss = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine(Number.isFinite, `${what} must be a finite number`).min(0, `${what} cannot be negative`).max(100, `${what} is implausibly large (over 100 nats)`);

export const capstoneRunInputSchema = z.object({
  runId: z.string({ error: "runId must be a string" }).regex(/^[A-Za-z0-9_-]{1,64}$/, "runId must be 1-64 letters, digits, - or _"),
  pieces: z
    .array(z.enum(PIECE_IDS, { error: `pieces must be among: ${PIECE_IDS.join(", ")}` }))
    .max(PIECE_IDS.length)
    .refine((list) => new Set(list).size === list.length, "pieces must not repeat"),
  finalTrainLoss: loss("finalTrainLoss"),
  finalValidationLoss: loss("finalValidationLoss"),
  steps: z.number().int("steps must be a whole number").min(1, "steps must be at least 1").max(5000, "steps must be at most 5000"),
  backend: z.enum(["webgpu", "webgl", "wasm", "cpu"], { error: "backend must be webgpu, webgl, wasm or cpu" }),
  settings: trainingSettingsSchema,
});

export type CapstoneRunInput = z.infer<typeof capstoneRunInputSchema>;
