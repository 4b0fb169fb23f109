"use client";
import { useEffect, type ReactNode } from "react";

/**
 * Keyboard shortcut for the previous/next lesson: Alt+Shift+Arrow (plain keys would clash with typing). The links stay the primary way (Tab + Enter).
 * `tip` comes worded from the server: lesson pages have no next-intl client provider (decision 037).
 * The hrefs come localized from the page; like the lesson's links, the shortcut loads the next
 * lesson as a document (decision 042).
 */
export function LessonKeyboardNav({ previous, next, tip }: { previous: string | null; next: string | null; tip: ReactNode }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey) return;
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable=true], .monaco-editor")) return;
      if (e.key === "ArrowRight" && next) window.location.assign(next);
      if (e.key === "ArrowLeft" && previous) window.location.assign(previous);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [previous, next]);
  return (
    <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
      {tip}
    </p>
  );
}
