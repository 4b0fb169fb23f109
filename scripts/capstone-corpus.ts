/**
 * Writes content/capstone/corpus.json: the prose of every lesson, in course order, as the text
 * the capstone GPT learns from (the course's own words, so no download and no licence question).
 *
 *   npx tsx scripts/capstone-corpus.ts           # regenerate
 *   npx tsx scripts/capstone-corpus.ts --check   # exit 1 when the committed file is out of date
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lessonProse } from "../lib/capstone/corpus-text";

const root = path.join(__dirname, "..");
const chaptersDir = path.join(root, "content", "chapters");
const outFile = path.join(root, "content", "capstone", "corpus.json");

function build(): string {
  const parts: string[] = [];
  for (const chapter of readdirSync(chaptersDir).sort()) {
    for (const file of readdirSync(path.join(chaptersDir, chapter)).filter((f) => f.endsWith(".mdx")).sort()) {
      parts.push(lessonProse(readFileSync(path.join(chaptersDir, chapter, file), "utf8")));
    }
  }
  return parts.join("\n") + "\n";
}

const text = build();
const json = JSON.stringify({ source: "content/chapters/**/*.mdx (prose only)", text }) + "\n";
if (process.argv.includes("--check")) {
  const current = readFileSync(outFile, "utf8");
  if (current !== json) {
    console.error("content/capstone/corpus.json is out of date: run npx tsx scripts/capstone-corpus.ts");
    process.exit(1);
  }
  console.log("capstone corpus up to date");
} else {
  writeFileSync(outFile, json);
  console.log(`wrote ${path.relative(root, outFile)}: ${text.length} characters, ${new Set(text).size} distinct`);
}
