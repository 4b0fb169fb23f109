/**
 * Builds the one script the sandbox evaluates for every run (./bundle-entry.ts with
 * TensorFlow.js, the grading harness and every spec), with esbuild, once per process.
 */
import path from "node:path";
import { build } from "esbuild";

const ENTRY = path.join(__dirname, "bundle-entry.ts");
let cached: Promise<string> | undefined;

export function sandboxBundle(): Promise<string> {
  cached ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "iife",
    // The browser field drops tfjs's Node platform (node-fetch, util); there is no network anyway.
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
    alias: { "@tensorflow/tfjs": path.join(__dirname, "tf-core.ts") },
    plugins: [
      {
        // The reference pieces are read from disk by the host (runInSandbox), never bundled.
        name: "no-reference-sources",
        setup(b) {
          b.onResolve({ filter: /provided\/reference-sources$/ }, () => ({ path: path.join(__dirname, "no-reference-sources.ts") }));
        },
      },
    ],
    // tfjs looks for a global object under these names; the sandbox has only globalThis.
    banner: { js: "var self = globalThis, window = undefined;" },
    define: { "process.env.NODE_ENV": '"production"' },
  }).then((result) => result.outputFiles[0].text);
  cached.catch(() => (cached = undefined));
  return cached;
}
