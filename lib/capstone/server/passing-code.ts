/**
 * A signed-in learner's passing code for each capstone piece: the code of their latest run of
 * that exercise that passed every test. Only ever their own (the route passes the session's id).
 * A run the server has not checked yet counts when their browser saw it pass: it is their own
 * code for their own training run, and between sending it and the server's verdict (a few
 * seconds) it is in neither this browser's outbox nor the verified runs. A verdict of "fail"
 * removes it from the next read.
 */
import type { PrismaClient } from "@/lib/db/create-client";
import { PIECE_IDS, type PieceId } from "../pieces";

export interface PassingCode {
  code: string;
  /** Epoch milliseconds of the run. */
  passedAt: number;
}

export async function passingCodeByPiece(db: PrismaClient, userId: string): Promise<Partial<Record<PieceId, PassingCode>>> {
  const rows = await db.exerciseAttempt.findMany({
    where: { userId, exerciseId: { in: [...PIECE_IDS] }, OR: [{ passed: true }, { status: "pending", claimedPassed: true }] },
    orderBy: { createdAt: "desc" },
    distinct: ["exerciseId"],
    select: { exerciseId: true, code: true, createdAt: true },
  });
  return Object.fromEntries(rows.map((r) => [r.exerciseId, { code: r.code, passedAt: r.createdAt.getTime() }]));
}
