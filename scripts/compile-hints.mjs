#!/usr/bin/env node
/**
 * Runs after `next build` (`npm run build`): marks two sets of script chunks with V8's explicit
 * compile hint, `//# allFunctionsCalledOnLoad` (Chromium 136 and later; other browsers ignore the
 * comment): the Monaco editor's chunks, and the framework chunks every page runs as it loads.
 *
 * Why: V8 compiles a function lazily, on the main thread, the first time it runs, and the bundler
 * wraps Monaco's modules in functions that all run the moment the editor opens. Measured on a
 * 2-core machine, running Monaco's chunks took 0.9 s of main thread; with the hint, V8 compiles
 * them on a background thread while they download, and running them takes 0.45 s. Only Monaco's
 * chunks get it: for code that mostly sits unused (TensorFlow.js kernels), compiling everything
 * up front is waste.
 * See docs/decisions/011-editor-start-up.md.
 *
 * The framework chunks (React, React DOM, Next's client runtime: the build manifest's
 * `rootMainFiles`) run on every page load too, and hydration then calls most of their functions.
 * Lazily compiled, that compiling happened on the main thread inside the page's longest tasks:
 * with the hint, the framework's start-up task on a lesson went from 45-50 to 23 ms (observed), and
 * Lighthouse's script evaluation on a short lesson from about 730 to 460 ms
 * (docs/decisions/043-first-paint-and-start-up.md).
 *
 * Which chunks: JavaScript files over 100 KB in .next/static/chunks that contain Monaco's
 * "monaco-editor" class name, and the manifest's root main files. Idempotent. Exits with 1 if it
 * finds no Monaco chunk or no root main file (a Monaco upgrade or a bundler change moved things,
 * and pages would silently start slower).
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

/** The framework's chunks every page loads first, as the build manifest lists them. */
function frameworkChunks(nextDir) {
  const manifest = path.join(nextDir, "build-manifest.json");
  if (!existsSync(manifest)) return [];
  const { rootMainFiles = [] } = JSON.parse(readFileSync(manifest, "utf8"));
  return rootMainFiles
    .filter((name) => name.endsWith(".js"))
    .map((name) => path.join(nextDir, name))
    .filter((file) => existsSync(file))
    .map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

/** Prepends the hint to each chunk that lacks it; returns how many it changed. */
function mark(chunks) {
  let marked = 0;
  for (const { file, text } of chunks) {
    if (text.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + text);
    marked++;
  }
  return marked;
}

const kbOf = (chunks) => (chunks.reduce((sum, { text }) => sum + text.length, 0) / 1024).toFixed(0);
const nextDir = path.resolve(process.argv[2] ?? ".next");
const monaco = monacoChunks(nextDir);
const framework = frameworkChunks(nextDir).filter(({ file }) => !monaco.some((m) => m.file === file));
if (monaco.length === 0 || framework.length === 0) {
  const missing = monaco.length === 0 ? "no Monaco chunk" : "no root main file (build-manifest.json)";
  console.error(`compile-hints: ${missing} found in ${nextDir} (run \`next build\` first).`);
  process.exit(1);
}
const marked = mark(monaco) + mark(framework);
console.log(
  `compile-hints: ${monaco.length} Monaco chunks (${kbOf(monaco)} KB) and ${framework.length} framework chunks ` +
    `(${kbOf(framework)} KB) carry V8's compile hint; ${marked} marked now.`,
);
