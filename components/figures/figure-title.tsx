"use client";
/** A figure's default caption, in the reader's language (the lesson may give its own caption instead). */
import type { FigureName } from "@/lib/content/figures";
import { useFigureText } from "./use-figure-text";

export function FigureTitle({ name }: { name: FigureName }) {
  return useFigureText(name)("title");
}
