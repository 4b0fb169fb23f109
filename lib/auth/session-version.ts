/**
 * Ending sessions. Sessions are signed JWT cookies (decision 003), valid until they expire; to end
 * one early, each token carries the account's `sessionVersion` from its sign-in, and the jwt
 * callback (lib/auth/options.ts), which already re-reads the role on every request, refuses a
 * token whose version is no longer the account's. Bumping the version ends every session of the
 * account at once: sign-out, a password change and a role change do (decision 022).
 * Framework-free (takes db).
 */
import type { PrismaClient } from "../db/create-client";

/** Ends every session of `userId` (a no-op for an account that no longer exists). */
export async function endSessions(db: Pick<PrismaClient, "user">, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export interface TokenState {
  sub?: string;
  sv?: number;
}

/** Whether a token signed in at version `token.sv` is still good for an account now at `current`. */
export function isCurrentSession(token: TokenState, current: number): boolean {
  // Tokens issued before versions existed carry none: they belong to version 0.
  return (token.sv ?? 0) === current;
}
