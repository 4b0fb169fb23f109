"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { syncLocalProgress } from "@/components/progress/account-progress";
import { hasLocalProgress } from "@/components/progress/local-progress";

/**
 * On a signed-in, server-rendered page: merges anything still kept in this browser (after a
 * GitHub sign-in, say, which does not pass through the sign-in form) and re-renders the page
 * with it.
 */
export function AccountSync({ userId }: { userId: string }) {
  const router = useRouter();
  useEffect(() => {
    try {
      if (!hasLocalProgress(window.localStorage, userId)) return;
    } catch {
      return;
    }
    void syncLocalProgress(userId).then((result) => {
      if (result.requests > 0) router.refresh();
    });
  }, [userId, router]);
  return null;
}
