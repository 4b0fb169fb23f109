/**
 * The WASM backend's binaries, loaded as JavaScript modules. The training worker runs learner code,
 * so it has the grader worker's policy (next.config.mjs): it may load same-origin scripts and fetch
 * nothing (`connect-src 'none'`). tfjs fetches its `.wasm` file, which that policy refuses; so
 * tfjs's platform fetch is given the bytes of `/capstone-wasm/<file>.js` instead, the same file as
 * a module (app/capstone-wasm/[file]/route.ts). Not under /api: the proxy refuses script loads of
 * API addresses (lib/http/fetch-destination.ts). Only the backend's three file names are answered
 * this way; any other path goes to the platform's own fetch (and is refused).
 */
export const WASM_PREFIX = "/capstone-wasm/";
const BINARY = /^tfjs-backend-wasm(-simd|-threaded-simd)?\.wasm$/;

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** Decodes the module's base64 into the binary. */
export function wasmResponse(base64: string): Response {
  const binary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Response(binary, { headers: { "content-type": "application/wasm" } });
}

/** `platform.fetch`, answering the backend's binaries from their modules. `load` imports a module URL. */
export function fetchWasmThroughModules(original: Fetch, load: (url: string) => Promise<{ default: string }>): Fetch {
  return async (path, init) => {
    const file = path.startsWith(WASM_PREFIX) ? path.slice(WASM_PREFIX.length) : "";
    if (!BINARY.test(file)) return original(path, init);
    return wasmResponse((await load(`${WASM_PREFIX}${file}.js`)).default);
  };
}
