import { readFile } from "node:fs/promises";
import path from "node:path";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

/**
 * The TensorFlow.js WASM backend's binaries, served by the site itself (no CDN): the training
 * worker points setWasmPaths here. Only the three files the backend asks for.
 */
const FILES = new Set(["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"]);
const DIST = path.join(process.cwd(), "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist");

export const GET = route(async (_request: Request, { params }: { params: Promise<{ file: string }> }) => {
  const { file } = await params;
  if (!FILES.has(file)) throw notFound("There is no such file.");
  const bytes = await readFile(path.join(DIST, file));
  return new Response(new Uint8Array(bytes), { headers: { "content-type": "application/wasm", "cache-control": "public, max-age=86400" } });
});
