/**
 * npm run content:check [-- --root <project root>] [--quick]
 * Exit 0 when the course content is valid, 1 with a list of problems otherwise.
 */
import path from "node:path";
import { checkContentWithStats } from "../lib/content/check";

async function main() {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf("--root");
  const root = rootIndex >= 0 ? path.resolve(args[rootIndex + 1]) : path.resolve(__dirname, "..");
  const started = Date.now();
  const { problems, stats } = await checkContentWithStats({ root, quick: args.includes("--quick") });
  if (problems.length) {
    console.error(`Content check failed: ${problems.length} problem${problems.length > 1 ? "s" : ""}`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(
    `Content check passed: ${stats.lessons} lessons, ${stats.figures} figures, ${stats.exercises} exercises and ${stats.quizzes} quizzes placed, ` +
      `${stats.links} lesson links, ${stats.codeBlocks} TypeScript blocks ${args.includes("--quick") ? "found (not type-checked with --quick)" : "type-checked"} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
