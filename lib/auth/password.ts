/**
 * Password hashing: argon2id through @node-rs/argon2 (maintained, native, prebuilt binaries come
 * as npm optional dependencies, so nothing compiles or downloads at install). A hash runs on
 * libuv's thread pool, off the event loop: fifty concurrent sign-ins no longer stall every other
 * request (bench/sign-in-load.ts). Parameters are OWASP's argon2id minimum (19 MiB, 2 passes),
 * ~15-45 ms a hash here. argon2 reads the whole password: no 72-byte truncation as with bcrypt.
 *
 * Older accounts hold bcrypt hashes ($2a$/$2b$); they still verify, and checkCredentials rehashes
 * them with argon2id at the next successful sign-in (`needsRehash`).
 */
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

// Algorithm is a const enum (not importable under isolatedModules): 2 is Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** bcrypt ignores every byte past the 72nd. */
const BCRYPT_MAX_BYTES = 72;

const isBcrypt = (stored: string) => /^\$2[aby]\$/.test(stored);

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export interface PasswordCheck {
  ok: boolean;
  /** The stored hash is of an older kind: store a fresh argon2id hash now that the password is known. */
  needsRehash: boolean;
}

export async function checkPassword(password: string, stored: string): Promise<PasswordCheck> {
  if (isBcrypt(stored)) {
    // Past 72 bytes bcrypt would accept any password sharing the first 72: refuse rather than guess.
    if (Buffer.byteLength(password) > BCRYPT_MAX_BYTES) return { ok: false, needsRehash: false };
    const ok = await bcrypt.compare(password, stored);
    return { ok, needsRehash: ok };
  }
  try {
    return { ok: await verify(stored, password), needsRehash: false };
  } catch {
    return { ok: false, needsRehash: false }; // not a hash we know: no password matches it
  }
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  return (await checkPassword(password, stored)).ok;
}

// Compared against when the account does not exist (or has no password), so a sign-in for an
// unknown email takes as long as one for a known email (no account enumeration by timing).
let dummyHash: Promise<string> | undefined;

export async function checkPasswordOrDummy(password: string, stored: string | null | undefined): Promise<PasswordCheck> {
  if (!stored) {
    dummyHash ??= hashPassword("no account has this password, it only costs the same time");
    await verify(await dummyHash, password);
    return { ok: false, needsRehash: false };
  }
  return checkPassword(password, stored);
}
