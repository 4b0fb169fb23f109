/**
 * Records a finished capstone run's summary for the signed-in learner. One row per (user, runId):
 * a repeated report (a retry, a second tab) changes nothing. createdAt is the server's clock.
 */
import type { PrismaClient } from "@/lib/db/create-client";
import { capstoneRunInputSchema } from "../run-input";

export async function recordCapstoneRun(db: PrismaClient, userId: string, body: unknown): Promise<{ recorded: boolean; id: string }> {
  const input = capstoneRunInputSchema.parse(body);
  const existing = await db.capstoneRun.findUnique({ where: { userId_runId: { userId, runId: input.runId } }, select: { id: true } });
  if (existing) return { recorded: false, id: existing.id };
  try {
    const row = await db.capstoneRun.create({
      data: {
        userId,
        runId: input.runId,
        pieces: input.pieces,
        finalTrainLoss: input.finalTrainLoss,
        finalValidationLoss: input.finalValidationLoss,
        steps: input.steps,
        backend: input.backend,
        settings: input.settings,
      },
      select: { id: true },
    });
    return { recorded: true, id: row.id };
  } catch (error) {
    // Two reports of one run at once: the other one won.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const row = await db.capstoneRun.findUniqueOrThrow({ where: { userId_runId: { userId, runId: input.runId } }, select: { id: true } });
    return { recorded: false, id: row.id };
  }
}
