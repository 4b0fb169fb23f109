// Lints snippets as if they were files at the given paths, with the project's eslint.config.mjs.
// Reads [{ filePath, code }] as JSON on stdin, prints one array of error messages per snippet.
// (A child process because Jest cannot load the ESM config file.)
import { ESLint } from "eslint";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => resolve(text));
}));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, code } of input) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`));
}
process.stdout.write(JSON.stringify(out));
