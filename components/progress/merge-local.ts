/**
 * The merge of this browser's progress into the signed-in account, loaded by
 * `syncLocalProgress` (account-progress.ts) when a signed-in page first syncs, so that no reader
 * downloads it with a lesson (decision 042). One merge at a time is account-progress's job.
 */
import { hasLocalProgress } from "@/lib/learner-state/has-local-progress";
import type { MergeResponse } from "@/lib/learner-state/merge";
import { readOutbox, settleEntry } from "@/lib/learner-state/outbox";
import { browserStorage as storage } from "@/lib/learner-state/storage";
import type { Track } from "@/lib/progress/track";
import { JSON_HEADERS, saveTrack, UNREACHABLE, type SyncResult } from "./account-progress";

export async function mergeLocalProgress(userId: string, options: { adoptTrack?: Track }): Promise<SyncResult> {
  const s = storage();
  if (!s || !hasLocalProgress(s, userId)) {
    if (options.adoptTrack) await saveTrack(userId, options.adoptTrack);
    return { ok: true, requests: 0 };
  }
  // The merge's requests are built by code that loads only when there is something to merge.
  const { buildMergeRequests, clearMerged } = await import("@/lib/learner-state/merge");
  const requests = buildMergeRequests(s, { userId, adoptTrack: options.adoptTrack });
  let sent = 0;
  for (const body of requests) {
    let response: Response;
    try {
      response = await fetch("/api/progress/merge", { method: "POST", headers: JSON_HEADERS, body: JSON.stringify(body) });
    } catch {
      return { ok: false, requests: sent, error: UNREACHABLE };
    }
    if (!response.ok) {
      const message = ((await response.json().catch(() => ({}))) as { error?: string }).error ?? `The server answered ${response.status}.`;
      // The learner's queued reports in this request count a failure each (one policy for the
      // whole outbox): a report the server keeps failing on is dropped with a note, not retried forever.
      for (const entry of readOutbox(s, userId)) {
        if (entry.kind === "lesson" && body.lessons.some((l) => JSON.stringify(l) === JSON.stringify(entry.lesson))) settleEntry(s, userId, entry, response.status, message);
      }
      return { ok: false, requests: sent, error: message };
    }
    clearMerged(s, userId, body, (await response.json()) as MergeResponse);
    sent += 1;
  }
  return { ok: true, requests: sent };
}
