// Monaco's base editor worker (diffing, word ranges), bundled locally as a module worker.
import "monaco-editor/editor/editor.worker";
