"use client";
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from "react";
import { lessonStatus, randomId, reportLesson, subscribe, type LessonReport } from "@/components/progress/account-progress";
import { useAccountProgress, useProgressUser } from "@/components/progress/progress-store";
import { currentSection, ReadingClock, READING_LINE, throttleLatest } from "@/components/progress/reading";

/** How long a linked heading is held in place while the page settles (figures loading above it). */
const SETTLE_MS = 8000;

/**
 * Arriving at `#section` ("continue where you left off"), the browser scrolls the heading to the
 * top; content that then loads above it (figures) would push it down out of view. Until the
 * reader does anything, or the page has had time to settle, keep the heading where it landed.
 */
function keepLinkedHeadingInPlace(article: Element): () => void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target || !article.contains(target) || !/^H[23]$/.test(target.tagName)) return () => {};
  const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  const keep = () => {
    const drift = target.getBoundingClientRect().top - padding;
    if (Math.abs(drift) > 2) window.scrollBy({ top: drift, behavior: "instant" });
  };
  keep();
  const resizes = new ResizeObserver(keep);
  resizes.observe(article);
  const inputs = ["wheel", "touchstart", "keydown", "pointerdown"] as const;
  const stop = () => {
    resizes.disconnect();
    window.clearTimeout(timer);
    inputs.forEach((type) => window.removeEventListener(type, stop));
  };
  const timer = window.setTimeout(stop, SETTLE_MS);
  inputs.forEach((type) => window.addEventListener(type, stop, { passive: true }));
  return stop;
}

/** Reading time is sent at least this often while the lesson is read (and when the page is hidden or left). */
const HEARTBEAT_SECONDS = 30;
/** The section being read is sent at most this often. */
const SECTION_THROTTLE_MS = 2000;

/**
 * Records the learner's progress on a lesson page and shows "Mark as complete":
 * - the visit (the lesson is in progress) on arrival;
 * - the section being read: an IntersectionObserver watches the lesson's h2/h3 headings and the
 *   last one above the reading line is sent, throttled;
 * - reading time: visible, attended seconds (ReadingClock), sent every 30 s and when the page is
 *   hidden or left, as the cumulative total of this visit (the server keeps the largest);
 * - completion: the button, or reaching this box at the end of the lesson after scrolling.
 * Anonymous learners' progress is kept in this browser; signed-in learners' on their account.
 * Its words come from the lesson page (server): `localNote` is the note for anonymous readers,
 * with its sign-up link, already rendered (decision 037).
 */
export function LessonCompletion({ slug, labels, localNote }: { slug: string; labels: { complete: string; finished: string; markComplete: string }; localNote: ReactNode }) {
  const { userId, ready } = useProgressUser();
  useAccountProgress(userId);
  const status = useSyncExternalStore(
    subscribe,
    () => lessonStatus(userId, slug),
    () => "not-started" as const,
  );
  const ref = useRef<HTMLDivElement>(null);
  const statusRef = useRef(status);
  statusRef.current = status;

  useEffect(() => {
    if (!ready) return;
    let closing = false;
    const send = (report: LessonReport) => void reportLesson(userId, slug, report, { keepalive: closing });
    send({});

    // --- The section being read.
    const article = document.querySelector(`main[data-lesson="${CSS.escape(slug)}"] article`);
    const headings = article ? Array.from(article.querySelectorAll<HTMLElement>("h2[id], h3[id]")) : [];
    let lastSection: string | null = null;
    let lastScrollY: number | null = null;
    const sections = throttleLatest<string>((section) => send({ section }), SECTION_THROTTLE_MS, {
      now: () => Date.now(),
      setTimeout: (cb, ms) => window.setTimeout(cb, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
    });
    const locate = () => {
      // Content that grows above the reader (a figure loading) moves the headings but not the
      // reader: only a change of scroll position counts as reading on.
      if (window.scrollY === lastScrollY) return;
      lastScrollY = window.scrollY;
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4;
      const tops = headings.map((h) => ({ id: h.id, top: h.getBoundingClientRect().top }));
      const id = currentSection(tops, window.innerHeight, atBottom);
      if (id && id !== lastSection) {
        lastSection = id;
        sections.call(id);
      }
    };
    // A heading crossing the reading line (the top 30% of the viewport) is what changes the section.
    const headingObserver = new IntersectionObserver(locate, { rootMargin: `0px 0px -${Math.round((1 - READING_LINE) * 100)}% 0px`, threshold: [0, 1] });
    headings.forEach((h) => headingObserver.observe(h));
    const stopKeeping = article ? keepLinkedHeadingInPlace(article) : () => {};

    // --- Reading time.
    const visitId = randomId("visit");
    const clock = new ReadingClock(Date.now());
    const visible = () => document.visibilityState === "visible";
    const sendTime = () => {
      clock.tick(Date.now(), visible());
      const added = clock.takeNew();
      if (added > 0) send({ time: { visitId, seconds: clock.seconds, added } });
    };
    let sinceReport = 0;
    const timer = window.setInterval(() => {
      clock.tick(Date.now(), visible());
      if (clock.seconds - sinceReport >= HEARTBEAT_SECONDS) {
        sinceReport = clock.seconds;
        sendTime();
      }
    }, 1000);
    const onInput = () => clock.interaction(Date.now());
    const inputs = ["scroll", "keydown", "pointerdown", "pointermove", "wheel", "touchstart"] as const;
    inputs.forEach((type) => window.addEventListener(type, onInput, { passive: true }));
    const leave = () => {
      closing = true;
      sendTime();
      sections.flush();
      closing = false;
    };
    const onVisibility = () => {
      if (visible()) clock.tick(Date.now(), false); // the hidden stretch does not count
      else leave();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", leave);

    // --- Reaching the end of the lesson.
    let scrolled = false;
    const onScroll = () => {
      if (window.scrollY > 0) scrolled = true;
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    const endObserver = new IntersectionObserver((entries) => {
      locate(); // at the very bottom, a short last section counts as reached
      if (scrolled && statusRef.current !== "complete" && entries.some((e) => e.isIntersecting)) send({ complete: true });
    });
    if (ref.current) endObserver.observe(ref.current);

    return () => {
      leave();
      stopKeeping();
      headingObserver.disconnect();
      endObserver.disconnect();
      window.clearInterval(timer);
      inputs.forEach((type) => window.removeEventListener(type, onInput));
      window.removeEventListener("scroll", onScroll);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", leave);
    };
  }, [ready, userId, slug]);

  return (
    <div ref={ref} className="mt-12 max-w-3xl rounded-xl border border-slate-200 p-5 dark:border-slate-800" data-testid="lesson-completion" data-ready={ready}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        {status === "complete" ? (
          <p className="font-medium text-emerald-700 dark:text-emerald-400" role="status">
            {labels.complete}
          </p>
        ) : (
          <>
            <p className="text-slate-600 dark:text-slate-300">{labels.finished}</p>
            <button
              type="button"
              // Until the session is known, a click could not tell the account from this browser.
              disabled={!ready}
              onClick={() => void reportLesson(userId, slug, { complete: true })}
              className="rounded-md bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:opacity-60"
            >
              {labels.markComplete}
            </button>
          </>
        )}
      </div>
      {ready && !userId && (
        <p className="mt-3 text-sm text-slate-500 dark:text-slate-400" data-testid="local-progress-note">
          {localNote}
        </p>
      )}
    </div>
  );
}
