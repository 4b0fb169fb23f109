/** Schemas of the course content (course.json and lesson frontmatter). Framework-free. */
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lower-case slug like self-attention");

export const chapterSchema = z.object({
  slug,
  number: z.number().int().positive(),
  title: z.string().min(1),
  summary: z.string().min(1),
});

export const courseSchema = z.object({
  id: slug,
  title: z.string().min(1),
  summary: z.string().min(1),
  chapters: z.array(chapterSchema).min(1),
});

export const frontmatterSchema = z
  .object({
    title: z.string().min(1, "title is required"),
    summary: z.string().min(10, "summary must be a sentence or two"),
    chapter: slug,
    order: z.number().int().positive(),
    minutes: z.number().int().positive().max(180),
    track: z.enum(["concept", "builder"]),
    objectives: z.array(z.string().min(3)).min(1, "list at least one learning objective").max(8),
    exercises: z.array(slug).default([]),
    quiz: slug.optional(),
  })
  .strict();

/** A translated lesson's frontmatter also records the hash of its English source (decision 023). */
export const translatedFrontmatterSchema = frontmatterSchema.extend({ sourceHash: z.string().regex(/^[0-9a-f]{12}$/).optional() });

export type Course = z.infer<typeof courseSchema>;
export type Chapter = z.infer<typeof chapterSchema>;
export type Frontmatter = z.infer<typeof frontmatterSchema>;
