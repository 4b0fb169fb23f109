/**
 * GET /capstone-wasm/<file>: the WASM backend's binaries as they are, and as JavaScript
 * modules for the training worker (which may load scripts but fetch nothing), decoded back to the
 * same bytes by the worker's fetch (lib/capstone/worker/wasm-binaries.ts).
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fetchWasmThroughModules } from "@/lib/capstone/worker/wasm-binaries";
import { GET } from "./route";

const DIST = path.join(process.cwd(), "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist");
const get = (file: string) => GET(new Request(`http://localhost/capstone-wasm/${file}`), { params: Promise.resolve({ file }) });

/** What the browser's `import()` of the module would give (its default export). */
async function importModule(response: Response): Promise<{ default: string }> {
  const source = await response.text();
  const match = /^export default ("[A-Za-z0-9+/=]*");\n$/.exec(source);
  if (!match) throw new Error(`not the expected module: ${source.slice(0, 80)}`);
  return { default: JSON.parse(match[1]) as string };
}

describe("the WASM backend's binaries", () => {
  it("serves each binary as it is", async () => {
    const response = await get("tfjs-backend-wasm-simd.wasm");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/wasm");
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(DIST, "tfjs-backend-wasm-simd.wasm")))).toBe(true);
  });

  it("serves each binary as a JavaScript module that the worker's fetch turns back into the same bytes", async () => {
    const requested: string[] = [];
    const fetchInWorker = fetchWasmThroughModules(
      async () => new Response("refused", { status: 599 }),
      async (url) => {
        requested.push(url);
        const file = url.slice("/capstone-wasm/".length);
        const response = await get(file);
        expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
        return importModule(response);
      },
    );
    for (const file of ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm"]) {
      const response = await fetchInWorker(`/capstone-wasm/${file}`, { credentials: "same-origin" });
      expect(response.headers.get("content-type")).toBe("application/wasm");
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(DIST, file)))).toBe(true);
    }
    expect(requested).toEqual(["/capstone-wasm/tfjs-backend-wasm.wasm.js", "/capstone-wasm/tfjs-backend-wasm-simd.wasm.js"]);
  });

  it("answers any other path with the platform's own fetch (which the worker's policy refuses)", async () => {
    const fetchInWorker = fetchWasmThroughModules(
      async () => new Response("refused", { status: 599 }),
      async () => {
        throw new Error("no module may be imported for this path");
      },
    );
    for (const url of ["/api/me", "/capstone-wasm/../api/me", "/capstone-wasm/other.wasm", "https://example.com/tfjs-backend-wasm.wasm"]) {
      expect((await fetchInWorker(url)).status).toBe(599);
    }
  });

  it("refuses files that are not the backend's", async () => {
    for (const file of ["package.json", "tfjs-backend-wasm.js", "x.wasm.js", "..%2Fpackage.json"]) {
      expect((await get(file)).status).toBe(404);
    }
  });
});
