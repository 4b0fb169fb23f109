"use client";
import { useEffect, useState, type RefObject } from "react";

/**
 * True once the element has come within `margin` of the viewport (and stays true). Lesson pages
 * use it to fetch heavy code (the quiz, the figures, the editor) only when a reader gets close,
 * which keeps it out of the page's first load. With `stayMs`, the element must stay that close
 * for that long, so a reader scrolling past at speed does not trigger it. Without
 * IntersectionObserver: true at once.
 */
export function useNearViewport(ref: RefObject<Element | null>, margin = "600px", stayMs = 0): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    if (typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(([entry]) => {
      clearTimeout(timer);
      if (entry.isIntersecting) timer = setTimeout(() => setNear(true), stayMs);
    }, { rootMargin: margin });
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [ref, margin, stayMs, near]);
  return near;
}
