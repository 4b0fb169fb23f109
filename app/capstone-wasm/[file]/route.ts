import { readFile } from "node:fs/promises";
import path from "node:path";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

/**
 * The TensorFlow.js WASM backend's binaries, served by the site itself (no CDN). Only the three
 * files the backend asks for, each also as `<file>.js`, a JavaScript module whose default export
 * is the binary in base64: the training worker may load scripts but fetch nothing (its policy in
 * next.config.mjs), so it imports that (lib/capstone/worker/wasm-binaries.ts). Outside /api,
 * whose addresses the proxy never lets a script load (lib/http/fetch-destination.ts).
 */
const FILES = new Set(["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"]);
const DIST = path.join(process.cwd(), "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist");
const CACHE = "public, max-age=86400";

export const GET = route(async (_request: Request, { params }: { params: Promise<{ file: string }> }) => {
  const { file } = await params;
  const asModule = file.endsWith(".wasm.js");
  const name = asModule ? file.slice(0, -".js".length) : file;
  if (!FILES.has(name)) throw notFound("There is no such file.");
  const bytes = await readFile(path.join(DIST, name));
  if (asModule) {
    return new Response(`export default ${JSON.stringify(bytes.toString("base64"))};\n`, {
      headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": CACHE },
    });
  }
  return new Response(new Uint8Array(bytes), { headers: { "content-type": "application/wasm", "cache-control": CACHE } });
});
