// Monaco's TypeScript language service worker (completions, type errors), bundled locally as a module worker.
import "monaco-editor/language/typescript/ts.worker";
