/**
 * Autosaved code, one draft per learner and exercise. Framework-free (takes db).
 *
 * Every save carries the time the learner typed it (updatedAt, epoch ms from the browser). A save
 * older than the stored draft changes nothing, so a slow request from one tab or device cannot
 * overwrite newer code from another; the caller gets the newer draft back instead. Times in the
 * future are clamped to the server's clock so one wrong clock cannot pin a draft forever.
 */
import { z } from "zod";
import { text } from "../validation/text";
import type { PrismaClient } from "../db/create-client";
import { requireExercise } from "./catalog";
import { EXERCISE_LIMITS as L, utf8Bytes } from "./limits";

export const draftInputSchema = z.object({
  code: text("code")
    .refine((code) => utf8Bytes(code) <= L.codeBytes, `code is larger than ${L.codeBytes / 1024} KB`),
  updatedAt: z.number({ message: "updatedAt must be a time in milliseconds" }).int().min(0),
});
export type DraftInput = z.input<typeof draftInputSchema>;

export interface DraftView {
  code: string;
  /** Epoch milliseconds. */
  updatedAt: number;
}

export interface SaveDraftResult {
  /** False when the server already had newer code; `draft` is then that newer code. */
  saved: boolean;
  draft: DraftView;
}

export async function getDraft(db: PrismaClient, userId: string, exerciseId: string): Promise<DraftView | null> {
  requireExercise(exerciseId);
  const row = await db.exerciseDraft.findUnique({
    where: { userId_exerciseId: { userId, exerciseId } },
    select: { code: true, updatedAt: true },
  });
  return row ? { code: row.code, updatedAt: row.updatedAt.getTime() } : null;
}

export async function saveDraft(db: PrismaClient, userId: string, exerciseId: string, input: DraftInput | unknown): Promise<SaveDraftResult> {
  requireExercise(exerciseId);
  const draft = draftInputSchema.parse(input);
  const at = new Date(Math.min(draft.updatedAt, Date.now()));
  const rows = await db.$queryRaw<{ code: string; updatedAt: Date }[]>`
    INSERT INTO "ExerciseDraft" ("userId", "exerciseId", "code", "updatedAt") VALUES (${userId}, ${exerciseId}, ${draft.code}, ${at})
    ON CONFLICT ("userId", "exerciseId") DO UPDATE SET "code" = EXCLUDED."code", "updatedAt" = EXCLUDED."updatedAt"
    WHERE "ExerciseDraft"."updatedAt" <= EXCLUDED."updatedAt"
    RETURNING "code", "updatedAt"`;
  if (rows.length > 0) return { saved: true, draft: { code: rows[0].code, updatedAt: new Date(rows[0].updatedAt).getTime() } };
  const current = await getDraft(db, userId, exerciseId);
  // The row exists (the insert conflicted) and is newer than this save.
  return { saved: false, draft: current! };
}
