"use client";
/**
 * React hooks over the progress store (account-progress.ts): the learner's lesson statuses for
 * ticks, read from the account when signed in and from this browser otherwise.
 */
import { useSession } from "@/components/auth/session-store";
import { useEffect, useSyncExternalStore } from "react";
import { lessonStatus, loadAccountProgress, subscribe, syncLocalProgress, type LessonStatus } from "./account-progress";

export type { LessonStatus };
export { reportLesson, syncLocalProgress, chooseTrack } from "./account-progress";

/** Who progress belongs to: the signed-in user's id, or null; `ready` once the session is known. */
export function useProgressUser(): { userId: string | null; ready: boolean } {
  const { data, status } = useSession();
  return { userId: data?.user?.id ?? null, ready: status !== "loading" };
}

/**
 * Keeps the signed-in learner's progress loaded, and merges anything left in this browser into
 * the account (a sign-in through another route than the form, another tab's anonymous reading,
 * reports kept while offline).
 */
export function useAccountProgress(userId: string | null) {
  useEffect(() => {
    if (!userId) return;
    void loadAccountProgress(userId);
    // Merges only when this browser holds something of the learner's (the check loads with the merge).
    void syncLocalProgress(userId);
    const onOnline = () => void syncLocalProgress(userId);
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [userId]);
}

export function useLessonStatus(slug: string): LessonStatus {
  const { userId } = useProgressUser();
  useAccountProgress(userId);
  return useSyncExternalStore(
    subscribe,
    () => lessonStatus(userId, slug),
    () => "not-started",
  );
}
