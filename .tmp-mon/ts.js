import * as t from "monaco-editor/languages/features/typescript/register";
console.log(t);
