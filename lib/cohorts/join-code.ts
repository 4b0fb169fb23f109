/**
 * Join codes: what a learner types or receives in a link to join a cohort.
 *
 * Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read aloud
 * or copied from a slide survives: 31^8 ≈ 8.5 × 10^11 codes, drawn with a cryptographic RNG,
 * far too many to guess. Stored without separators ("K7QXM3PA"), shown in two groups
 * ("K7QX-M3PA"). Whatever a learner types is normalised first: case, spaces and dashes do
 * not matter. Framework-free.
 */
import { randomInt } from "node:crypto";

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Upper case, separators and spaces removed. Does not check validity: see isWellFormedJoinCode. */
export function normalizeJoinCode(input: string): string {
  return input.normalize("NFKC").toUpperCase().replace(/[\s\-_.·]/g, "");
}

export function isWellFormedJoinCode(code: string): boolean {
  if (code.length !== JOIN_CODE_LENGTH) return false;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** "K7QXM3PA" -> "K7QX-M3PA" (anything else is returned unchanged). */
export function formatJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** The path of a cohort's join link (the page is app/join/[code]). */
export function joinPath(code: string): string {
  return `/join/${formatJoinCode(code)}`;
}
