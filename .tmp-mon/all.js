import * as a from "monaco-editor/editor/editor.api";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/typescript/register";
import * as t from "monaco-editor/languages/features/typescript/register";
console.log(a, t);
