/**
 * Distinctive pieces of each reference solution, to prove the solutions never reach the browser
 * before a learner asks (tests/e2e/exercise.e2e.ts scans the production build with them).
 *
 * A fingerprint is a comment line, a string literal or a whitespace-free code line of
 * solution.ts that is long enough to be unlikely by chance and appears in none of the files the
 * page may legitimately ship: the starter, brief, hints, spec, and the provided course pieces.
 * A leak as text (the source embedded in a page or payload) keeps comments and code lines; a
 * leak as a bundled module keeps string literals. Node-only.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface SolutionFingerprints {
  exercise: string;
  fingerprints: string[];
}

const MIN_COMMENT = 30;
const MIN_STRING = 20;
const MIN_CODE = 36;

const squash = (text: string) => text.replace(/\s+/g, "");

function commentLines(source: string): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(/\/\/(.*)$/gm)) out.push(match[1].trim());
  for (const match of source.matchAll(/\/\*([\s\S]*?)\*\//g)) {
    for (const line of match[1].split("\n")) out.push(line.replace(/^\s*\*\s?/, "").trim());
  }
  return out;
}

function stringLiterals(source: string): string[] {
  return [...source.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

export function solutionFingerprints(root: string, exercise: string): SolutionFingerprints {
  const dir = path.join(root, "exercises", exercise);
  const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");
  const solution = read(path.join(dir, "solution.ts"));
  const allowed = [
    read(path.join(dir, "starter.ts")),
    read(path.join(dir, "brief.md")),
    read(path.join(dir, "hints.md")),
    read(path.join(dir, "spec.ts")),
    read(path.join(root, "lib", "grading", "provided", "declarations.d.ts")),
  ].join("\n");
  const allowedSquashed = squash(allowed);
  const fresh = (piece: string) => !allowed.includes(piece) && !allowedSquashed.includes(squash(piece));

  const found = new Set<string>();
  for (const line of commentLines(solution)) if (line.length >= MIN_COMMENT && fresh(line)) found.add(line);
  for (const literal of stringLiterals(solution)) if (literal.length >= MIN_STRING && fresh(literal)) found.add(literal);
  for (const line of solution.split("\n")) {
    const code = line.trim();
    if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) continue;
    if (squash(code).length >= MIN_CODE && fresh(code)) found.add(code);
  }
  return { exercise, fingerprints: [...found] };
}

export function allSolutionFingerprints(root = process.cwd()): SolutionFingerprints[] {
  return readdirSync(path.join(root, "exercises"))
    .filter((id) => existsSync(path.join(root, "exercises", id, "solution.ts")))
    .sort()
    .map((id) => solutionFingerprints(root, id));
}

/** The forms a piece of source takes when embedded in HTML, JSON or a JS string. */
export function encodings(piece: string): string[] {
  const json = JSON.stringify(piece).slice(1, -1);
  const html = piece.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  return [...new Set([piece, json, JSON.stringify(json).slice(1, -1), html])];
}

/** Which fingerprints occur in a text (a bundle, a page, a payload). */
export function findLeaks(text: string, prints: SolutionFingerprints[]): { exercise: string; fingerprint: string }[] {
  const leaks: { exercise: string; fingerprint: string }[] = [];
  for (const { exercise, fingerprints } of prints) {
    for (const fingerprint of fingerprints) {
      if (encodings(fingerprint).some((form) => text.includes(form))) leaks.push({ exercise, fingerprint });
    }
  }
  return leaks;
}
