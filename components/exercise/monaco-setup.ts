/**
 * Self-hosted Monaco for the exercise editor: nothing is fetched from a CDN.
 *
 * monaco-editor 0.57's slim ESM entry points: the editor API, the editor features (find,
 * suggest, hover, ...), the TypeScript tokenizer and the TypeScript language service (exposed
 * as `monaco.typescript`). Its two workers are module workers built from small local files.
 * code-editor.tsx creates its editor from this instance directly (no loader script, no CDN).
 *
 * Imported by code-editor.tsx (loaded when an exercise is opened) and by the exercise card's warm-up.
 */
import * as editorApi from "monaco-editor/editor/editor.api";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/typescript/register";
import * as typescript from "monaco-editor/languages/features/typescript/register";
// Monaco loads these two lazily, when the first TypeScript model is created; that would be two more
// round trips after "Open the editor". Imported here, they arrive with the rest of the editor.
import "monaco-editor/languages/definitions/typescript/typescript";
import "monaco-editor/languages/features/typescript/tsMode";
import { EDITOR_COMPILER_OPTIONS, type EditorTypes } from "@/lib/exercises/editor-types-shared";

export const monaco = { ...editorApi, typescript };
export type Monaco = typeof monaco;

type WorkerFactory = { getWorker(workerId: string, label: string): Worker };

(globalThis as unknown as { MonacoEnvironment: WorkerFactory }).MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === "typescript" || label === "javascript") {
      return new Worker(new URL("./monaco/ts.worker.ts", import.meta.url), { type: "module", name: "typescript" });
    }
    return new Worker(new URL("./monaco/editor.worker.ts", import.meta.url), { type: "module", name: "editor" });
  },
};

const defaults = typescript.typescriptDefaults;
defaults.setCompilerOptions(EDITOR_COMPILER_OPTIONS as unknown as Parameters<typeof defaults.setCompilerOptions>[0]);
defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
// Keep the language service in step with the models right away, so errors appear without a keystroke.
defaults.setEagerModelSync(true);

/**
 * Monaco's two built-in themes, redefined under their own names (Monaco allows replacing them) so
 * code-editor.tsx keeps asking for "vs" / "vs-dark" and gets text every learner can read: WCAG AA
 * contrast (4.5:1) on the editor background for every colour Monaco paints text in. The defaults
 * fall short in two places: vs-dark's comments (#608B4E on #1E1E1E, 4.2:1) and the dimmed line
 * number, which has no colour of its own and falls back to a faded one.
 */
monaco.editor.defineTheme("vs", {
  base: "vs",
  inherit: true,
  rules: [],
  colors: { "editorLineNumber.dimmedForeground": "#237893" },
});
monaco.editor.defineTheme("vs-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [{ token: "comment", foreground: "6A9955" }],
  colors: { "editorLineNumber.dimmedForeground": "#8C8C8C" },
});

let typesLoaded: Promise<EditorTypes> | undefined;
let providedRegistered = false;

/**
 * Loads the tfjs typings (one JSON file, ~130 KB gzipped) and registers them, once per page.
 * `withProvided` also registers "@academy/provided" (only exercises that list provided pieces).
 */
export async function loadEditorTypes(withProvided: boolean): Promise<void> {
  typesLoaded ??= fetch("/api/exercises/editor-types").then(async (response) => {
    if (!response.ok) throw new Error(`Could not load the TensorFlow.js type declarations (HTTP ${response.status}).`);
    const types = (await response.json()) as EditorTypes;
    defaults.setExtraLibs(
      Object.entries(types.files)
        .filter(([filePath]) => filePath !== types.providedPath)
        .map(([filePath, content]) => ({ filePath, content })),
    );
    return types;
  });
  typesLoaded.catch(() => (typesLoaded = undefined));
  const types = await typesLoaded;
  if (withProvided && !providedRegistered) {
    providedRegistered = true;
    defaults.addExtraLib(types.files[types.providedPath], types.providedPath);
  }
}

let warmedUp = false;

/**
 * Builds one throwaway editor off screen, so the first real one (when the learner clicks "Open
 * the editor") skips Monaco's one-time start-up: its services, theme and font measurements, about
 * a second on a slow laptop. Plain text, so the TypeScript worker is not started for nothing.
 */
export function warmUpEditor(): void {
  // Once any editor exists (the learner opened one), Monaco has started: nothing to warm.
  if (warmedUp || monaco.editor.getEditors().length > 0) return;
  warmedUp = true;
  const host = document.createElement("div");
  host.setAttribute("aria-hidden", "true");
  host.style.cssText = "position:fixed;left:-10000px;top:0;width:480px;height:120px;visibility:hidden";
  document.body.append(host);
  const editor = monaco.editor.create(host, { value: "", language: "plaintext", automaticLayout: false });
  setTimeout(() => {
    editor.getModel()?.dispose();
    editor.dispose();
    host.remove();
  }, 0);
}
