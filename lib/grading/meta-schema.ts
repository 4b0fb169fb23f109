/**
 * The schema of an exercise's meta.json (see lib/grading/types.ts ExerciseMeta).
 * Used by the exercise folder tests and available to any loader that wants to
 * validate metadata at run time.
 */
import { z } from "zod";
import type { ExerciseMeta } from "./types";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case slug");

export const exerciseMetaSchema = z
  .object({
    id: slug,
    title: z.string().trim().min(3).max(80),
    chapter: z.number().int().min(1).max(6),
    lesson: slug,
    difficulty: z.enum(["intro", "core", "stretch"]),
    timeLimitMs: z.number().int().min(500).max(60000).optional(),
    provided: z.array(z.string().regex(/^[A-Za-z_$][\w$]*$/, "must be an exported name")).min(1).optional(),
  })
  .strict();

// Compile-time check that the schema and the contract type agree.
type SchemaOutput = z.infer<typeof exerciseMetaSchema>;
const schemaMatchesContract: (meta: SchemaOutput) => ExerciseMeta = (meta) => meta;
void schemaMatchesContract;
