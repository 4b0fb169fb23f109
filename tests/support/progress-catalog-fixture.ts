/**
 * A small fixed course for the progress tests: two chapters, five lessons, three exercises
 * (one in a lesson that names it only in the registry), two quizzes and one builder-only lesson.
 * Tests use it instead of the real content so they do not change when lessons are edited.
 */
import { buildCatalog, type ManifestLike, type ProgressCatalog } from "../../lib/progress/catalog";

const lesson = (chapter: string, chapterNumber: number, order: number, slug: string, extra: Partial<ManifestLike["lessons"][number]> = {}) => ({
  slug,
  title: slug.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()),
  chapter,
  chapterNumber,
  chapterTitle: chapter === "basics" ? "Basics" : "Attention",
  order,
  href: `/learn/${chapter}/${slug}`,
  track: "concept" as const,
  exercises: [] as string[],
  ...extra,
});

const lessons = [
  lesson("basics", 1, 1, "what-is-ai"),
  lesson("basics", 1, 2, "aigc-and-agi", { quiz: "basics-quiz" }),
  lesson("attention", 2, 1, "self-attention", { exercises: ["softmax", "attention", "not-in-registry"] }),
  lesson("attention", 2, 2, "attention-lab", { track: "builder", exercises: ["causal-mask"] }),
  lesson("attention", 2, 3, "three-families", { quiz: "attention-quiz" }),
];

export const fixtureManifest: ManifestLike = {
  chapters: [
    { slug: "basics", number: 1, title: "Basics", lessons: lessons.filter((l) => l.chapter === "basics") },
    { slug: "attention", number: 2, title: "Attention", lessons: lessons.filter((l) => l.chapter === "attention") },
  ],
  lessons,
};

export const SELF_ATTENTION_MDX = `---
title: Self-attention
---
Intro.

## Scores from queries and keys

Text.

\`\`\`ts
// ## not a heading
\`\`\`

### Why divide by \`sqrt(d_k)\`?

## Softmax

## Softmax

<Recap>
- One.
</Recap>
`;

export function fixtureCatalog(): ProgressCatalog {
  return buildCatalog({
    manifest: fixtureManifest,
    exercises: [
      { id: "softmax", title: "Softmax", lesson: "self-attention" },
      { id: "attention", title: "Attention", lesson: "self-attention" },
      { id: "causal-mask", title: "Causal mask", lesson: "attention-lab" },
      { id: "orphan-exercise", title: "In no lesson of this course", lesson: "removed-lesson" },
    ],
    quizzes: [
      { id: "basics-quiz", title: "Basics quiz", lesson: "aigc-and-agi", passPercent: 70, questionCount: 10 },
      { id: "attention-quiz", title: "Attention quiz", lesson: "three-families", passPercent: 60, questionCount: 8 },
    ],
    lessonSource: (slug) => (slug === "self-attention" ? SELF_ATTENTION_MDX : undefined),
  });
}
