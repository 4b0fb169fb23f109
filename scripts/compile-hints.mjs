#!/usr/bin/env node
/**
 * Runs after `next build` (`npm run build`): marks the Monaco editor's script chunks with V8's
 * explicit compile hint, `//# allFunctionsCalledOnLoad` (Chromium 136 and later; other browsers
 * ignore the comment).
 *
 * Why: V8 compiles a function lazily, on the main thread, the first time it runs, and the bundler
 * wraps Monaco's modules in functions that all run the moment the editor opens. Measured on a
 * 2-core machine, running Monaco's chunks took 0.9 s of main thread; with the hint, V8 compiles
 * them on a background thread while they download, and running them takes 0.45 s. Only Monaco's
 * chunks get it: for code that mostly sits unused (TensorFlow.js kernels), compiling everything
 * up front is waste.
 * See docs/decisions/011-editor-start-up.md.
 *
 * Which chunks: JavaScript files over 100 KB in .next/static/chunks that contain Monaco's
 * "monaco-editor" class name. Idempotent. Exits with 1 if it finds none (a Monaco upgrade or a
 * bundler change moved things, and the editor would silently start slower).
 *
 *   node scripts/compile-hints.mjs [.next directory]
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";
const MIN_BYTES = 100_000;
const MONACO_MARKER = "monaco-editor";

/** The chunk files to mark, with their text. */
function monacoChunks(nextDir) {
  const dir = path.join(nextDir, "static", "chunks");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".js"))
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).size >= MIN_BYTES)
    .map((file) => ({ file, text: readFileSync(file, "utf8") }))
    .filter(({ text }) => text.includes(MONACO_MARKER));
}

const nextDir = path.resolve(process.argv[2] ?? ".next");
const chunks = monacoChunks(nextDir);
if (chunks.length === 0) {
  console.error(`compile-hints: no Monaco chunk found in ${nextDir}/static/chunks (run \`next build\` first).`);
  process.exit(1);
}
let marked = 0;
for (const { file, text } of chunks) {
  if (text.startsWith(COMPILE_HINT)) continue;
  writeFileSync(file, COMPILE_HINT + text);
  marked++;
}
const kb = chunks.reduce((sum, { text }) => sum + text.length, 0) / 1024;
console.log(`compile-hints: ${chunks.length} Monaco chunks (${kb.toFixed(0)} KB) carry V8's compile hint; ${marked} marked now.`);
