"use client";
// next/navigation's router, not next-intl's: the hrefs come localized from the page (decision 037).
import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";

/**
 * Keyboard shortcut for the previous/next lesson: Alt+Shift+Arrow (plain keys would clash with typing). The links stay the primary way (Tab + Enter).
 * `tip` comes worded from the server: lesson pages have no next-intl client provider (decision 037).
 */
export function LessonKeyboardNav({ previous, next, tip }: { previous: string | null; next: string | null; tip: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey) return;
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable=true], .monaco-editor")) return;
      if (e.key === "ArrowRight" && next) router.push(next);
      if (e.key === "ArrowLeft" && previous) router.push(previous);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, previous, next]);
  return (
    <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
      {tip}
    </p>
  );
}
