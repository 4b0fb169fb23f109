/**
 * What a new password must be (ASVS L1): at least 12 characters, not one of the most common
 * passwords (also with digits or symbols tacked on), not a run of one character or a keyboard
 * sequence, and not the account's own email or name. Each refusal says what to do instead.
 * Framework-free and small enough for the sign-up form to use too.
 */
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; this only bounds the work one request can ask for. */
export const PASSWORD_MAX_LENGTH = 256;

const SEQUENCES = ["0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

/** The password without case and without what people tack onto a common word (digits, symbols, spaces). */
const base = (password: string) => password.toLowerCase().replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");

function isSequence(lower: string): boolean {
  return SEQUENCES.some((run) => run.includes(lower) || [...run].reverse().join("").includes(lower));
}

/** Why `password` is not good enough, as a sentence for the person choosing it, or null when it is. */
export function passwordProblem(password: string, account: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters for your password (a few unrelated words make a good one).`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters for your password.`;
  const lower = password.toLowerCase();
  if (password.trim() === "" || new Set(lower.replace(/\s/g, "")).size < 4) return "That password repeats too few characters; choose one that is harder to guess.";
  if (isSequence(lower)) return "That password is a keyboard or alphabet sequence; choose one that is harder to guess.";
  const stem = base(password);
  if (stem === "") return "That password is only digits and symbols; put some words in it.";
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stem) || COMMON_PASSWORDS.has(lower.replace(/\s/g, "")) || isSequence(stem)) {
    return "That password is one of the most commonly used ones; choose one that is harder to guess.";
  }
  const local = account.email?.split("@")[0]?.toLowerCase();
  if ((local && local.length >= 4 && stem.includes(local)) || (account.email && lower.includes(account.email.toLowerCase()))) {
    return "Your password must not contain your email address.";
  }
  const name = account.name?.trim().toLowerCase();
  if (name && name.length >= 4 && (stem === name.replace(/\s/g, "") || stem === name)) return "Your password must not be your name.";
  return null;
}
