"use client";
import { useEffect, useRef } from "react";
import { markLessonComplete, recordLessonVisit, useLessonStatus } from "@/components/progress/progress-store";

/**
 * "Mark as complete", which also happens by itself when the learner reaches the end of the lesson
 * (this element scrolls into view). Records the visit on arrival.
 */
export function LessonCompletion({ slug }: { slug: string }) {
  const status = useLessonStatus(slug);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    recordLessonVisit(slug);
  }, [slug]);

  useEffect(() => {
    const el = ref.current;
    if (!el || status === "complete") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) markLessonComplete(slug);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [slug, status]);

  return (
    <div ref={ref} className="mt-12 flex max-w-3xl items-center justify-between rounded-xl border border-slate-200 p-5 dark:border-slate-800" data-testid="lesson-completion">
      {status === "complete" ? (
        <p className="font-medium text-emerald-700 dark:text-emerald-400" role="status">✓ Lesson complete</p>
      ) : (
        <>
          <p className="text-slate-600 dark:text-slate-300">Finished reading?</p>
          <button type="button" onClick={() => markLessonComplete(slug)} className="rounded-md bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700">
            Mark as complete
          </button>
        </>
      )}
    </div>
  );
}
