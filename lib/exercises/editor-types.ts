/**
 * The type declarations the in-browser editor gives TypeScript, so that `tf.` autocompletes and
 * type errors are underlined: the tfjs-core `.d.ts` files (as installed), a small
 * `@tensorflow/tfjs` module that re-exports tfjs-core and pulls in the chained-op typings
 * (`x.sum()`), and the declarations (no bodies) of `@academy/provided` for the exercises that import pieces of earlier ones.
 *
 * The files are keyed by the virtual path the editor registers them under
 * (`file:///node_modules/...`), so TypeScript's ordinary module resolution finds them from the
 * learner's file at `file:///exercise/<id>.ts`. Served as one JSON document by
 * app/api/exercises/editor-types (generated once at build time). Node-only.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROVIDED_PATH, VIRTUAL_ROOT, type EditorTypes } from "./editor-types-shared";

export { EDITOR_COMPILER_OPTIONS, learnerFilePath, PROVIDED_PATH, VIRTUAL_ROOT, type EditorTypes } from "./editor-types-shared";

/** Test-only declarations and the test index: not part of the public API, and they import test helpers. */
const EXCLUDED = [/_test\.d\.ts$/, /test_util\.d\.ts$/, /(^|\/)jasmine_util\.d\.ts$/, /(^|\/)test_async_backends\.d\.ts$/, /^tests\.d\.ts$/, /^scripts\//];

/**
 * tfjs-core declares WebGPU buffer types through `/// <reference types="@webgpu/types" />`, a
 * package learners never need. The reference is dropped and the three names it would bring are
 * declared opaquely, so the declarations still check without errors.
 */
const WEBGPU_REFERENCE = /^\/\/\/ <reference types="@webgpu\/types\/dist" \/>\n/m;
const WEBGPU_STUB = `// Opaque stand-ins for the WebGPU types tfjs-core mentions (tensor.dataToGPU()).
interface GPUBuffer { readonly size: number; }
interface GPUDevice { readonly label: string; }
declare var GPUBufferUsage: { readonly STORAGE: number; readonly COPY_SRC: number; readonly COPY_DST: number };
`;

const TFJS_MODULE = `// The course's view of "@tensorflow/tfjs": everything from tfjs-core, including the chained ops.
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
export * from "@tensorflow/tfjs-core";
`;

function listDeclarations(dir: string, base = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listDeclarations(dir, rel));
    else if (entry.name.endsWith(".d.ts") && !EXCLUDED.some((re) => re.test(rel))) out.push(rel);
  }
  return out;
}

export function buildEditorTypes(projectRoot = process.cwd()): EditorTypes {
  const coreDir = path.join(projectRoot, "node_modules", "@tensorflow", "tfjs-core");
  const dist = path.join(coreDir, "dist");
  const files: Record<string, string> = {};
  for (const rel of listDeclarations(dist).sort()) {
    files[`${VIRTUAL_ROOT}/@tensorflow/tfjs-core/dist/${rel}`] = readFileSync(path.join(dist, rel), "utf8").replace(WEBGPU_REFERENCE, "");
  }
  files[`${VIRTUAL_ROOT}/@tensorflow/tfjs-core/index.d.ts`] = 'export * from "./dist/index";\n';
  files[`${VIRTUAL_ROOT}/@tensorflow/tfjs-core/webgpu-stub.d.ts`] = WEBGPU_STUB;
  files[`${VIRTUAL_ROOT}/@tensorflow/tfjs/index.d.ts`] = TFJS_MODULE;
  files[PROVIDED_PATH] = readFileSync(path.join(projectRoot, "lib", "grading", "provided", "declarations.d.ts"), "utf8");
  const { version } = JSON.parse(readFileSync(path.join(coreDir, "package.json"), "utf8")) as { version: string };
  return { tfjsCoreVersion: version, files, providedPath: PROVIDED_PATH };
}
