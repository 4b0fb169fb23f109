/** Password hashing with bcrypt (bcryptjs: maintained, pure JS, no native build). */
import bcrypt from "bcryptjs";

// 10 rounds: ~60-80 ms per hash on our 2-core machines; raise as hardware allows.
const ROUNDS = 10;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 72; // bcrypt ignores bytes beyond 72

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, ROUNDS);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A fixed hash compared against when the account does not exist, so a sign-in for an unknown
// email takes as long as one for a known email (no account enumeration by timing).
const DUMMY_HASH = "$2b$10$pwWHd65qeXoiiHlW2DBHve.Hvkg.1mebGFxrm2darVkaaukYMfkbO";

export async function verifyPasswordOrDummy(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(password, hash);
}
