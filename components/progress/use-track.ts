"use client";
import { useSyncExternalStore } from "react";
import { currentTrack, subscribe, type Track } from "./account-progress";
import { useAccountProgress, useProgressUser } from "./progress-store";

export type { Track };
export { chooseTrack } from "./account-progress";

/**
 * The learner's track: the account's when signed in (User.track), else the one chosen in this
 * browser; BUILDER until a choice is made. `serverTrack`, when the page knows it (a server-rendered
 * page of a signed-in learner), is used until the session is known, so nothing flickers.
 */
export function useTrack(serverTrack?: Track): Track {
  const { userId, ready } = useProgressUser();
  useAccountProgress(userId);
  const track = useSyncExternalStore(
    subscribe,
    () => currentTrack(userId),
    () => serverTrack ?? "BUILDER",
  );
  return !ready && serverTrack ? serverTrack : track;
}
