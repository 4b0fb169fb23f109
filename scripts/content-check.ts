/**
 * npm run content:check [-- --root <project root>] [--quick] [--locale zh]
 * Exit 0 when the course content and its translations are valid (stale translations only warn),
 * 1 with a list of problems otherwise.
 */
import path from "node:path";
import { checkContentWithStats } from "../lib/content/check";

async function main() {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf("--root");
  const root = rootIndex >= 0 ? path.resolve(args[rootIndex + 1]) : path.resolve(__dirname, "..");
  const locales = args.flatMap((a, i) => (a === "--locale" ? [args[i + 1]] : []));
  const started = Date.now();
  const { problems, warnings, stats, translations } = await checkContentWithStats({
    root,
    quick: args.includes("--quick"),
    locales: locales.length ? locales : undefined,
  });
  for (const t of translations) {
    const count = (status: string) => t.pairs.filter((p) => p.status === status).length;
    console.log(`Translations (${t.locale}): ${t.pairs.length} English files, ${count("current")} current, ${count("stale")} stale, ${count("missing")} missing.`);
  }
  if (warnings.length) {
    console.warn(`${warnings.length} warning${warnings.length > 1 ? "s" : ""} (stale translations: update them from the English):`);
    for (const w of warnings) console.warn(`  ${w}`);
  }
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
