/**
 * The lesson page's reading measures, free of React and the DOM so they can be unit-tested:
 * which section the reader is in, and how long they have really been reading.
 */

/** The reading line: a heading above this share of the viewport height has been reached. */
export const READING_LINE = 0.3;

/**
 * The section being read: the last heading (in document order) at or above the reading line.
 * At the very bottom of the page the last heading on screen counts, so a short last section
 * can be reached. Null above the first heading.
 */
export function currentSection(headings: readonly { id: string; top: number }[], viewportHeight: number, atBottom: boolean): string | null {
  const line = atBottom ? viewportHeight : viewportHeight * READING_LINE;
  let current: string | null = null;
  for (const h of headings) {
    if (h.top <= line) current = h.id;
    else break;
  }
  return current;
}

/** Reading time stops counting after this long without a scroll, key, click or touch. */
export const IDLE_AFTER_MS = 5 * 60 * 1000;

/**
 * Counts the seconds a lesson is visible and attended to. Call `tick` regularly (e.g. every
 * second) with whether the page is visible; `interaction` on any input. Time while hidden, or
 * after IDLE_AFTER_MS without input, does not count.
 */
export class ReadingClock {
  private last: number;
  private lastInteraction: number;
  private ms = 0;
  private reported = 0;

  constructor(now: number) {
    this.last = now;
    this.lastInteraction = now;
  }

  tick(now: number, visible: boolean): void {
    const from = this.last;
    this.last = now;
    if (!visible || now <= from) return;
    // Count up to the moment the reader went idle, not beyond.
    const until = Math.min(now, this.lastInteraction + IDLE_AFTER_MS);
    if (until > from) this.ms += until - from;
  }

  interaction(now: number): void {
    this.lastInteraction = now;
  }

  /** Whole seconds counted so far in this visit. */
  get seconds(): number {
    return Math.floor(this.ms / 1000);
  }

  /** Seconds counted since the last call (for a report), or 0. */
  takeNew(): number {
    const added = this.seconds - this.reported;
    this.reported = this.seconds;
    return added;
  }
}

/**
 * Calls `fn` at most once per `intervalMs`, always with the latest value: the last call in a
 * burst is never dropped (it runs when the interval ends). `flush` runs a pending call now.
 */
export function throttleLatest<T>(fn: (value: T) => void, intervalMs: number, clock: { now(): number; setTimeout(cb: () => void, ms: number): unknown; clearTimeout(handle: unknown): void }) {
  let lastRun = -Infinity;
  let pending: { value: T } | null = null;
  let timer: unknown = null;
  const run = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastRun = clock.now();
    fn(value);
  };
  return {
    call(value: T) {
      pending = { value };
      const wait = lastRun + intervalMs - clock.now();
      if (wait <= 0) {
        if (timer !== null) clock.clearTimeout(timer);
        run();
      } else if (timer === null) {
        timer = clock.setTimeout(run, wait);
      }
    },
    flush() {
      if (timer !== null) clock.clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
