"use client";
/**
 * A figure's default caption in the reader's language (a lesson may give its own caption). The
 * server passes the English title, so no other figure's words reach the lesson's first load.
 */
import type { FigureName } from "@/lib/content/figures";
import { useProvidedText } from "./figure-text";

export function FigureTitle({ name, english }: { name: FigureName; english: string }) {
  return useProvidedText(`${name}.title`) ?? english;
}
