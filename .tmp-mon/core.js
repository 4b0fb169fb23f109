import * as a from "monaco-editor/editor/editor.api";
console.log(a);
