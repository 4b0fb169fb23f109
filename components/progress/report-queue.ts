/**
 * Lesson reports of one lesson, sent one at a time and in order. A slow request cannot be
 * overtaken by a later one (which would let an older section win), and reports that pile up
 * behind a slow request are folded into one. Free of the DOM and of fetch: unit-tested.
 */

export interface QueuedReport {
  section?: string;
  complete?: boolean;
  /** Cumulative visible seconds of one visit. */
  time?: { visitId: string; seconds: number };
}

/** Folds `next` into `previous` when one request can carry both (not two different visits). */
export function fold(previous: QueuedReport, next: QueuedReport): QueuedReport | null {
  if (previous.time && next.time && previous.time.visitId !== next.time.visitId) return null;
  const folded: QueuedReport = {};
  const section = next.section ?? previous.section;
  if (section !== undefined) folded.section = section;
  if (previous.complete || next.complete) folded.complete = true;
  const time = previous.time && next.time ? { visitId: next.time.visitId, seconds: Math.max(previous.time.seconds, next.time.seconds) } : (next.time ?? previous.time);
  if (time) folded.time = time;
  return folded;
}

export class ReportQueue {
  private pending: QueuedReport[] = [];
  private busy = false;

  constructor(private readonly send: (report: QueuedReport, options: { keepalive: boolean }) => Promise<void>) {}

  /**
   * Adds a report. It is sent when the ones before it are done; with `keepalive` (the page is
   * closing) everything pending is sent at once, since there may be no later.
   */
  push(report: QueuedReport, options: { keepalive?: boolean } = {}): Promise<void> {
    const last = this.pending.at(-1);
    const folded = last ? fold(last, report) : null;
    if (folded) this.pending[this.pending.length - 1] = folded;
    else this.pending.push(report);
    if (options.keepalive) {
      const all = this.pending;
      this.pending = [];
      return Promise.all(all.map((r) => this.send(r, { keepalive: true }))).then(() => undefined);
    }
    return this.drain();
  }

  get idle(): boolean {
    return !this.busy && this.pending.length === 0;
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.pending.length > 0) {
        const next = this.pending.shift()!;
        await this.send(next, { keepalive: false });
      }
    } finally {
      this.busy = false;
    }
  }
}
