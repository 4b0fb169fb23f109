/**
 * What the browser needs to know about the editor's type declarations (no Node imports, so the
 * editor bundle can use it). The declarations themselves are built by ./editor-types.ts.
 */
export const VIRTUAL_ROOT = "file:///node_modules";
export const PROVIDED_PATH = `${VIRTUAL_ROOT}/@academy/provided/index.d.ts`;
/** Where the editor puts the learner's module. */
export const learnerFilePath = (exerciseId: string) => `file:///exercise/${exerciseId}.ts`;

export interface EditorTypes {
  tfjsCoreVersion: string;
  /** Virtual path -> file text. */
  files: Record<string, string>;
  /** The path of the @academy/provided module (register it only for exercises that list `provided`). */
  providedPath: string;
}

/**
 * The compiler options the editor uses (plain numbers, as monaco.typescript takes them):
 * strict TypeScript, ES2020, ES modules resolved like Node, nothing emitted.
 */
export const EDITOR_COMPILER_OPTIONS = {
  target: 7, // ES2020
  module: 99, // ESNext
  moduleResolution: 2, // NodeJs
  strict: true,
  noEmit: true,
  esModuleInterop: true,
  allowNonTsExtensions: true,
  skipLibCheck: true,
} as const;
