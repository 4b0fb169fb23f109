/**
 * A signed-in learner's passing code for each capstone piece: the code of their latest run of
 * that exercise that passed every test. Only ever their own (the route passes the session's id).
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
    where: { userId, passed: true, exerciseId: { in: [...PIECE_IDS] } },
    orderBy: { createdAt: "desc" },
    distinct: ["exerciseId"],
    select: { exerciseId: true, code: true, createdAt: true },
  });
  return Object.fromEntries(rows.map((r) => [r.exerciseId, { code: r.code, passedAt: r.createdAt.getTime() }]));
}
